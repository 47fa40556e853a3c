namespace PayloadGen.Generators.Model;

/// <summary>
/// Why no serializer can be generated for a <c>[ClaimCheckSerializer]</c> class. The generator skips such a class and
/// <c>ClaimCheckSerializerAnalyzer</c> reports each reason (see <c>Diagnostics.SerializerRefusalRules</c>); a test walks
/// every value.
/// </summary>
internal enum SerializerRefusalReason
{
    /// <summary>The compilation has no <c>Amazon.Lambda.Core.ILambdaSerializer</c> to implement.</summary>
    NoLambdaSerializerInterface,

    /// <summary>The class is not <c>partial</c>.</summary>
    NotPartial,

    /// <summary>The class is nested in another type.</summary>
    NestedType,

    /// <summary>The class is generic: Lambda cannot supply type arguments.</summary>
    GenericType,

    /// <summary>The class is <c>static</c> or <c>abstract</c>: Lambda must create an instance.</summary>
    NotInstantiable,

    /// <summary>The class declares a parameterless constructor that is not public.</summary>
    ParameterlessConstructorNotPublic,

    /// <summary>The class declares a member the generator adds (<c>Deserialize</c>, <c>Serialize</c>, the runtime constructor).</summary>
    GeneratedMemberTaken,

    /// <summary><c>JsonContext</c> is not a concrete, non-generic <c>JsonSerializerContext</c>.</summary>
    InvalidJsonContext,
}
