namespace PayloadGen.Generators.Parsing;

/// <summary>Why a type cannot be a request or response of a wrapper.</summary>
internal enum PayloadTypeProblem
{
    /// <summary>The type, or a type inside it, does not resolve; the compiler reports it.</summary>
    Unresolved,

    /// <summary>A pointer, function pointer or ref struct: it cannot be a type argument of <c>JsonTypeInfo&lt;T&gt;</c>.</summary>
    Unsupported,
}
