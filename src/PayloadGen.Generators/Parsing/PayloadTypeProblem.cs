namespace PayloadGen.Generators.Parsing;

/// <summary>Why a type cannot be a request or response of a wrapper.</summary>
internal enum PayloadTypeProblem
{
    /// <summary>The type, or a type inside it, does not resolve; the compiler reports it.</summary>
    Unresolved,

    /// <summary>A pointer, function pointer or ref struct: it cannot be a type argument of <c>JsonTypeInfo&lt;T&gt;</c>.</summary>
    Unsupported,

    /// <summary>
    /// A type System.Text.Json refuses at run time (a stream, delegate, <c>Type</c>, reflection member, native-sized
    /// integer, <c>SerializationInfo</c>): the wrapper would compile and fail every invocation.
    /// </summary>
    NotJson,
}
