using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Parsing;

/// <summary>Which types a wrapper can read a request as or write a response as.</summary>
internal static class PayloadTypes
{
    /// <summary>The <c>T</c> of <c>IAsyncEnumerable&lt;T&gt;</c>, or <see langword="null"/> when <paramref name="type"/> is something else.</summary>
    public static ITypeSymbol? AsyncSequenceItem(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && SymbolNames.Is(named.OriginalDefinition, KnownTypeNames.AsyncEnumerableOfT)
                ? named.TypeArguments[0]
                : null;

    /// <summary>
    /// Why <paramref name="type"/> cannot be the type argument of <c>JsonTypeInfo&lt;T&gt;</c> in the wrapper, or
    /// <see langword="null"/> when it can. Type parameters pass: they only occur in generic methods and types, which
    /// are refused for that reason, and reporting them again would repeat it.
    /// </summary>
    public static PayloadTypeProblem? Problem(ITypeSymbol type)
    {
        switch (type)
        {
            case IErrorTypeSymbol:
                return PayloadTypeProblem.Unresolved;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return PayloadTypeProblem.Unsupported;
            case IArrayTypeSymbol array:
                return Problem(array.ElementType);
            case INamedTypeSymbol named:
                if (named.IsRefLikeType)
                {
                    return PayloadTypeProblem.Unsupported;
                }

                foreach (ITypeSymbol argument in named.TypeArguments)
                {
                    if (Problem(argument) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return type.IsRefLikeType ? PayloadTypeProblem.Unsupported : null;
        }
    }
}
