using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>Reads the chain of types enclosing a handler, which the generated file re-declares as <c>partial</c>.</summary>
internal static class ContainingTypesReader
{
    /// <summary>
    /// The enclosing types, outermost first, adding to <paramref name="refusals"/> each one that cannot take
    /// generated members: not partial, generic (Lambda cannot bind an open type; reported once, for the innermost),
    /// file-local (a partial part in another file is impossible) or a ref struct (an async wrapper cannot live in one).
    /// </summary>
    public static EquatableArray<ContainingTypeSpec> Read(INamedTypeSymbol declaringType, List<Refusal> refusals, CancellationToken cancellationToken)
    {
        var types = new List<ContainingTypeSpec>();
        bool genericReported = false;
        int depth = 0;
        for (INamedTypeSymbol? type = declaringType; type is not null; type = type.ContainingType, depth++)
        {
            if (!IsPartial(type, cancellationToken))
            {
                refusals.Add(new Refusal(RefusalReason.ContainingTypeNotPartial, RefusalSite.ContainingType, depth, type.Name, string.Empty));
            }

            if (type.TypeParameters.Length > 0 && !genericReported)
            {
                genericReported = true;
                refusals.Add(Refusal.AtMethod(RefusalReason.GenericContainingType, TypeText(type)));
            }

            if (type.IsFileLocal)
            {
                refusals.Add(Refusal.AtMethod(RefusalReason.FileLocalContainingType, TypeText(type)));
            }

            if (type.IsRefLikeType)
            {
                refusals.Add(Refusal.AtMethod(RefusalReason.RefStructContainingType, TypeText(type)));
            }

            types.Add(new ContainingTypeSpec(SymbolNames.Identifier(type.Name), type.MetadataName, KindOf(type)));
        }

        types.Reverse();
        return new EquatableArray<ContainingTypeSpec>(types.ToArray());
    }

    /// <summary>
    /// Whether a compiler-made type (<c>&lt;invalid-global-code&gt;</c> around a method outside any type, a script's
    /// class) encloses the method: the code does not compile as a library, and the compiler says so.
    /// </summary>
    public static bool IsOutsideAnyType(IMethodSymbol method)
    {
        for (INamedTypeSymbol? enclosing = method.ContainingType; enclosing is not null; enclosing = enclosing.ContainingType)
        {
            if (enclosing.IsImplicitlyDeclared)
            {
                return true;
            }
        }

        return method.ContainingType is null;
    }

    /// <summary>
    /// The first enclosing type that is not a class, struct or interface and so cannot be re-declared around a wrapper
    /// or named in a handler string (a C# 14 extension block), or <see langword="null"/> when there is none.
    /// </summary>
    public static INamedTypeSymbol? FirstUnsupportedKind(IMethodSymbol method)
    {
        for (INamedTypeSymbol? enclosing = method.ContainingType; enclosing is not null; enclosing = enclosing.ContainingType)
        {
            if (enclosing.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || !enclosing.CanBeReferencedByName)
            {
                return enclosing;
            }
        }

        return null;
    }

    /// <summary>Whether every declaration of <paramref name="type"/> says <c>partial</c>.</summary>
    public static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    private static string TypeText(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static ContainingTypeKind KindOf(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct => type.IsRecord ? ContainingTypeKind.RecordStruct : ContainingTypeKind.Struct,
        TypeKind.Interface => ContainingTypeKind.Interface,
        _ => type.IsRecord ? ContainingTypeKind.Record : ContainingTypeKind.Class,
    };
}
