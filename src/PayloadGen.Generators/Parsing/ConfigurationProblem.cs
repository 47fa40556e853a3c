namespace PayloadGen.Generators.Parsing;

/// <summary>Why a member named like a configuration member (<c>ClaimCheckRuntime</c>, <c>ClaimCheckJsonOptions</c>) is not used.</summary>
internal enum ConfigurationProblem
{
    /// <summary>The member is used, or there is none.</summary>
    None,

    /// <summary>It is not a field or a property with a getter.</summary>
    NotReadable,

    /// <summary>The wrapper cannot access it (private to a base type, a getter it cannot call).</summary>
    Inaccessible,

    /// <summary>Its type is not the one the wrapper expects.</summary>
    WrongType,

    /// <summary>It is an instance member and the wrapper is static (a static handler, or the JSON options, which are cached per type).</summary>
    NotStatic,
}
