using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PayloadGen.Generators.Parsing;

/// <summary>How symbols become the text the model carries.</summary>
internal static class SymbolNames
{
    /// <summary>
    /// <c>global::</c>-qualified, keywords escaped, nested nullable annotations kept (<c>List&lt;string?&gt;</c>) so the
    /// generated code passes values on without nullability warnings.
    /// </summary>
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat s_namespace = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    /// <summary>The fully qualified name of <paramref name="type"/> without a top-level nullable annotation.</summary>
    public static string FullyQualifiedWithoutAnnotation(ITypeSymbol type)
        => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FullyQualified);

    /// <summary>The namespace as written in a <c>namespace</c> declaration, or <see langword="null"/> for the global one.</summary>
    public static string? NamespaceDeclaration(INamespaceSymbol @namespace)
        => @namespace.IsGlobalNamespace ? null : @namespace.ToDisplayString(s_namespace);

    /// <summary>The namespace as the runtime names it (no escapes), or an empty string for the global one.</summary>
    public static string NamespaceMetadataName(INamespaceSymbol @namespace)
    {
        // Not ToDisplayString(), which escapes keywords (namespace Demo.@event displays as "Demo.@event"; the runtime
        // and a hint name need "Demo.event").
        string name = string.Empty;
        for (INamespaceSymbol? current = @namespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            name = name.Length == 0 ? current.MetadataName : current.MetadataName + "." + name;
        }

        return name;
    }

    /// <summary><paramref name="name"/> usable as an identifier: a reserved keyword gets an <c>@</c>.</summary>
    public static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    /// <summary>Whether <paramref name="type"/> is the type with the given metadata name, compared without allocating.</summary>
    public static bool Is(ITypeSymbol? type, string metadataName)
    {
        if (type is null)
        {
            return false;
        }

        int end = metadataName.Length;
        ISymbol? current = type;
        while (current is not null)
        {
            string name = current.MetadataName;
            int start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(metadataName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (current.ContainingSymbol is INamespaceSymbol { IsGlobalNamespace: true })
            {
                return start == 0;
            }

            // Types nested in types are separated by '+', everything else by '.'.
            char separator = current.ContainingSymbol is ITypeSymbol ? '+' : '.';
            if (start == 0 || metadataName[start - 1] != separator)
            {
                return false;
            }

            end = start - 1;
            current = current.ContainingSymbol;
        }

        return false;
    }

    /// <summary>Whether <paramref name="symbol"/> is, or lies within, the namespace <paramref name="namespaceName"/>.</summary>
    public static bool IsInNamespace(ISymbol symbol, string namespaceName)
    {
        for (INamespaceSymbol? ns = symbol.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (string.Equals(ns.ToDisplayString(), namespaceName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
