using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Detects handlers whose generated members would clash with existing ones, which would break the user's build
/// with errors in generated code instead of a clear analyzer message.
/// </summary>
internal static class WrapperNameCollisions
{
    /// <summary>
    /// Whether generating for <paramref name="method"/> would clash: another <c>[ClaimCheck]</c> method of the same
    /// name (overloads would get the same wrapper name), a member that already has a generated name, the type's own
    /// name, or a base type's member or <c>[ClaimCheck]</c> method of the same name (whose wrapper would be hidden).
    /// </summary>
    public static bool Exist(IMethodSymbol method, INamedTypeSymbol attributeType)
    {
        INamedTypeSymbol type = method.ContainingType;
        // The type lists a partial method once, by its definition, whichever part carries the attribute.
        IMethodSymbol self = method.PartialDefinitionPart ?? method;
        foreach (ISymbol sibling in type.GetMembers(method.Name))
        {
            if (!SymbolEqualityComparer.Default.Equals(sibling, self) && ClaimCheckMarker.IsMarked(sibling, attributeType))
            {
                return true;
            }
        }

        foreach (string generated in GeneratedNames.All(method.Name))
        {
            if (type.Name == generated || !type.GetMembers(generated).IsEmpty)
            {
                return true;
            }

            for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                foreach (ISymbol inherited in baseType.GetMembers(generated))
                {
                    if (inherited.DeclaredAccessibility != Accessibility.Private)
                    {
                        return true;
                    }
                }
            }
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            foreach (ISymbol inherited in baseType.GetMembers(method.Name))
            {
                if (ClaimCheckMarker.IsMarked(inherited, attributeType))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
