using System;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Detects handlers and claim-check serializers whose file name would differ from another's only in case. Roslyn compares hint names without
/// case, as the file systems they end up on do, and a duplicate makes the whole generator fail (CS8785).
/// </summary>
internal static class FileNameCollisions
{
    /// <summary>
    /// Whether the method, its type, an enclosing type or a namespace on the way has a sibling whose name differs
    /// only in case (<c>Build</c> and <c>build</c>, <c>Demo.F</c> and <c>Demo.f</c>, <c>Demo</c> and <c>demo</c>).
    /// </summary>
    public static bool Exist(IMethodSymbol method, INamedTypeSymbol attributeType)
    {
        foreach (ISymbol member in method.ContainingType.GetMembers())
        {
            if (member is IMethodSymbol other && DiffersOnlyInCase(other.Name, method.Name) && ClaimCheckMarker.IsMarked(other, attributeType))
            {
                return true;
            }
        }

        return Exist(method.ContainingType);
    }

    /// <summary>
    /// Whether <paramref name="type"/>, an enclosing type or a namespace on the way has a sibling whose name differs only
    /// in case (<c>Demo.OrderSerializer</c> and <c>Demo.orderSerializer</c>, <c>Demo</c> and <c>demo</c>): the files
    /// named after the type (a handler's, a claim-check serializer's) would then collide.
    /// </summary>
    public static bool Exist(INamedTypeSymbol declared)
    {
        for (INamedTypeSymbol type = declared; ; type = type.ContainingType)
        {
            var siblings = type.ContainingType is { } outer ? outer.GetTypeMembers() : type.ContainingNamespace.GetTypeMembers();
            foreach (INamedTypeSymbol sibling in siblings)
            {
                if (DiffersOnlyInCase(sibling.MetadataName, type.MetadataName))
                {
                    return true;
                }
            }

            if (type.ContainingType is null)
            {
                break;
            }
        }

        for (INamespaceSymbol ns = declared.ContainingNamespace; !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            foreach (INamespaceSymbol sibling in ns.ContainingNamespace.GetNamespaceMembers())
            {
                if (DiffersOnlyInCase(sibling.Name, ns.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool DiffersOnlyInCase(string left, string right)
        => string.Equals(left, right, StringComparison.OrdinalIgnoreCase) && !string.Equals(left, right, StringComparison.Ordinal);
}
