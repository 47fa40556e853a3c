using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>Reads the chain of types enclosing a handler, which the generated file re-declares as <c>partial</c>.</summary>
internal static class ContainingTypesReader
{
    /// <summary>
    /// The enclosing types, outermost first, or <see langword="null"/> when one of them cannot take generated
    /// members: not partial, generic (Lambda cannot bind an open type), file-local (a partial part in another file
    /// is impossible) or a ref struct (an async wrapper cannot live in one).
    /// </summary>
    public static EquatableArray<ContainingTypeSpec>? Read(MethodDeclarationSyntax method, INamedTypeSymbol declaringType)
    {
        // Syntax first: every declaration around the method must say partial. Checking the declarations that
        // contain this method is enough, since the compiler requires every part of a partial type to say so.
        for (SyntaxNode? node = method.Parent; node is not null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }
        }

        var types = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? type = declaringType; type is not null; type = type.ContainingType)
        {
            if (type.TypeParameters.Length > 0 || type.IsFileLocal || type.IsRefLikeType)
            {
                return null;
            }

            ContainingTypeKind? kind = KindOf(type);
            if (kind is null)
            {
                return null;
            }

            types.Add(new ContainingTypeSpec(SymbolNames.Identifier(type.Name), type.MetadataName, kind.Value));
        }

        types.Reverse();
        return new EquatableArray<ContainingTypeSpec>(types.ToArray());
    }

    private static ContainingTypeKind? KindOf(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Class => type.IsRecord ? ContainingTypeKind.Record : ContainingTypeKind.Class,
        TypeKind.Struct => type.IsRecord ? ContainingTypeKind.RecordStruct : ContainingTypeKind.Struct,
        TypeKind.Interface => ContainingTypeKind.Interface,
        _ => null,
    };
}
