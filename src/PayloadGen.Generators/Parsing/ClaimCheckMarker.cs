using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Parsing;

/// <summary>Recognises other <c>[ClaimCheck]</c> methods, whose generated members a handler's must not clash with.</summary>
internal static class ClaimCheckMarker
{
    /// <summary>Whether <paramref name="symbol"/> is a method carrying <paramref name="attributeType"/>.</summary>
    public static bool IsMarked(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        if (symbol is not IMethodSymbol)
        {
            return false;
        }

        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }
}
