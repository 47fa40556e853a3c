using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Detects handlers and claim-check serializers whose file name would differ from another's only in case. Roslyn compares hint names without
/// case, as the file systems they end up on do, and a duplicate makes the whole generator fail (CS8785).
/// </summary>
internal static class FileNameCollisions
{
    // The names in a namespace or type that another of its types (or namespaces) has but for case, computed once per
    // container: every handler asks about its own namespace, and reading the namespace's types again for each handler
    // cost the generator time quadratic in the handlers of a namespace, on every build and after every keystroke. Keyed
    // by the container's symbol, so an entry lives exactly as long as the compilation it belongs to.
    private static readonly ConditionalWeakTable<INamespaceOrTypeSymbol, HashSet<string>> TypeNamesDifferingInCase = new();
    private static readonly ConditionalWeakTable<INamespaceSymbol, HashSet<string>> NamespaceNamesDifferingInCase = new();

    /// <summary>
    /// Whether the method, its type, an enclosing type or a namespace on the way has a sibling whose name differs
    /// only in case (<c>Build</c> and <c>build</c>, <c>Demo.F</c> and <c>Demo.f</c>, <c>Demo</c> and <c>demo</c>).
    /// </summary>
    public static bool Exist(IMethodSymbol method, INamedTypeSymbol attributeType)
    {
        // Names first (no member symbols are built for them), members only for a name that is a case twin.
        foreach (string name in method.ContainingType.MemberNames)
        {
            if (!DiffersOnlyInCase(name, method.Name))
            {
                continue;
            }

            foreach (ISymbol member in method.ContainingType.GetMembers(name))
            {
                if (member is IMethodSymbol && ClaimCheckMarker.IsMarked(member, attributeType))
                {
                    return true;
                }
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
            INamespaceOrTypeSymbol container = type.ContainingType is { } outer ? outer : type.ContainingNamespace;
            if (TypeNamesDifferingInCase.GetValue(container, static c => NamesDifferingInCase(TypeNames(c))).Contains(type.MetadataName))
            {
                return true;
            }

            if (type.ContainingType is null)
            {
                break;
            }
        }

        for (INamespaceSymbol ns = declared.ContainingNamespace; !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (NamespaceNamesDifferingInCase.GetValue(ns.ContainingNamespace, static parent => NamesDifferingInCase(NamespaceNames(parent))).Contains(ns.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> TypeNames(INamespaceOrTypeSymbol container)
    {
        foreach (INamedTypeSymbol type in container.GetTypeMembers())
        {
            yield return type.MetadataName;
        }
    }

    private static IEnumerable<string> NamespaceNames(INamespaceSymbol parent)
    {
        foreach (INamespaceSymbol ns in parent.GetNamespaceMembers())
        {
            yield return ns.Name;
        }
    }

    /// <summary>Every name of <paramref name="names"/> that another of them equals but for case.</summary>
    private static HashSet<string> NamesDifferingInCase(IEnumerable<string> names)
    {
        var colliding = new HashSet<string>(StringComparer.Ordinal);
        var firstSpelling = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            if (!firstSpelling.TryGetValue(name, out string? first))
            {
                firstSpelling.Add(name, name);
            }
            else if (DiffersOnlyInCase(first, name))
            {
                colliding.Add(first);
                colliding.Add(name);
            }
        }

        return colliding;
    }

    private static bool DiffersOnlyInCase(string left, string right)
        => string.Equals(left, right, StringComparison.OrdinalIgnoreCase) && !string.Equals(left, right, StringComparison.Ordinal);
}
