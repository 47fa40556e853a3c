using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Detects handlers whose generated members would clash with existing ones, which would break the user's build
/// with errors in generated code instead of a clear analyzer message.
/// </summary>
/// <remarks>
/// The analyzers see the compilation with the generator's output in it, the generator sees it without; members this
/// generator wrote are therefore not counted, so both reach the same verdict.
/// </remarks>
internal static class WrapperNameCollisions
{
    /// <summary>
    /// Adds to <paramref name="refusals"/> each clash generating for <paramref name="method"/> would cause: another
    /// <c>[ClaimCheck]</c> method of the same name (overloads would get the same wrapper name), a member or the type
    /// itself that already has a generated name, an inherited non-private member with a generated name, or a base
    /// type's <c>[ClaimCheck]</c> method of the same name (whose wrapper would be hidden).
    /// </summary>
    public static void Find(IMethodSymbol method, INamedTypeSymbol attributeType, List<Refusal> refusals)
    {
        INamedTypeSymbol type = method.ContainingType;
        // The type lists a partial method once, by its definition, whichever part carries the attribute.
        IMethodSymbol self = method.PartialDefinitionPart ?? method;
        foreach (ISymbol sibling in type.GetMembers(method.Name))
        {
            if (!SymbolEqualityComparer.Default.Equals(sibling, self) && ClaimCheckMarker.IsMarked(sibling, attributeType))
            {
                refusals.Add(Refusal.AtMethod(RefusalReason.ClaimCheckOverload, GeneratedNames.Wrapper(method.Name), Describe(sibling)));
                break;
            }
        }

        foreach (string generated in GeneratedNames.All(method.Name))
        {
            if (type.Name == generated)
            {
                refusals.Add(Refusal.AtMethod(RefusalReason.GeneratedNameTaken, generated, "the name of the type '" + type.Name + "' itself"));
                continue;
            }

            if (FirstWritten(type.GetMembers(generated)) is { } member)
            {
                refusals.Add(Refusal.AtMethod(RefusalReason.GeneratedNameTaken, generated, "already a member of '" + type.Name + "' (" + Describe(member) + ")"));
                continue;
            }

            for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (FirstWritten(baseType.GetMembers(generated), skipPrivate: true) is { } inherited)
                {
                    refusals.Add(Refusal.AtMethod(RefusalReason.GeneratedNameTaken, generated, "inherited from '" + baseType.Name + "' (" + Describe(inherited) + ")"));
                    break;
                }
            }
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            foreach (ISymbol inherited in baseType.GetMembers(method.Name))
            {
                if (ClaimCheckMarker.IsMarked(inherited, attributeType))
                {
                    refusals.Add(Refusal.AtMethod(RefusalReason.HidesInheritedHandler, GeneratedNames.Wrapper(method.Name), baseType.Name));
                    return;
                }
            }
        }
    }

    private static ISymbol? FirstWritten(IEnumerable<ISymbol> members, bool skipPrivate = false)
    {
        foreach (ISymbol member in members)
        {
            if ((!skipPrivate || member.DeclaredAccessibility != Accessibility.Private) && !ClaimCheckMarker.IsGenerated(member))
            {
                return member;
            }
        }

        return null;
    }

    private static string Describe(ISymbol member) => member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
