using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Emit;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Recognises other <c>[ClaimCheck]</c> methods, whose generated members a handler's must not clash with, and the
/// members this generator wrote.
/// </summary>
internal static class ClaimCheckMarker
{
    private const string GeneratedCodeAttribute = "System.CodeDom.Compiler.GeneratedCodeAttribute";

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

    /// <summary>Whether this generator wrote <paramref name="member"/> (its <c>[GeneratedCode]</c> names the generator).</summary>
    public static bool IsGenerated(ISymbol member)
    {
        foreach (AttributeData attribute in member.GetAttributes())
        {
            if (SymbolNames.Is(attribute.AttributeClass, GeneratedCodeAttribute)
                && attribute.ConstructorArguments is [{ Value: string tool }, ..]
                && tool == GeneratorIdentity.Name)
            {
                return true;
            }
        }

        return false;
    }
}
