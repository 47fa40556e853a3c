using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The values the code writes to a field of the compilation: its initializer and the assignments in the constructors
/// of its type, each with the operation root it sits in. A field written anywhere else (a method, another type) is
/// still read from these alone; callers use them only to narrow what the field holds, never to prove it is large.
/// </summary>
internal static class FieldWrites
{
    public static List<(IOperation Value, IOperation Root)> Of(IFieldSymbol field, MethodSummaries summaries)
    {
        var writes = new List<(IOperation, IOperation)>();
        foreach (SyntaxReference reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer }
                && summaries.OperationOf(initializer) is IFieldInitializerOperation { Value: { } value } fieldInitializer)
            {
                writes.Add((value, fieldInitializer));
            }
        }

        AddConstructorAssignments(field, summaries, writes);
        return writes;
    }

    /// <summary>
    /// The same for an auto-property (<c>internal static Func&lt;string, byte[]&gt; ReadBytes { get; set; } = File.ReadAllBytes;</c>,
    /// a test seam): its initializer and the assignments in the constructors of its type. A property with a getter body
    /// has no writes of its own (its getter is a call, summarized as one).
    /// </summary>
    public static List<(IOperation Value, IOperation Root)> Of(IPropertySymbol property, MethodSummaries summaries)
    {
        var writes = new List<(IOperation, IOperation)>();
        foreach (SyntaxReference reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors } syntax
                || accessors.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
            {
                return writes;
            }

            if (syntax.Initializer is { } initializer
                && summaries.OperationOf(initializer) is IPropertyInitializerOperation { Value: { } value } propertyInitializer)
            {
                writes.Add((value, propertyInitializer));
            }
        }

        AddConstructorAssignments(property, summaries, writes);
        return writes;
    }

    /// <summary>The assignments to a field or auto-property in the constructors of its type, each with its body as root.</summary>
    private static void AddConstructorAssignments(ISymbol member, MethodSummaries summaries, List<(IOperation, IOperation)> writes)
    {
        foreach (IMethodSymbol constructor in member.ContainingType.Constructors)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not ConstructorDeclarationSyntax syntax || summaries.OperationOf(syntax) is not { } body)
                {
                    continue;
                }

                foreach (IOperation operation in body.DescendantsAndSelf())
                {
                    if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                        && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member.OriginalDefinition))
                    {
                        writes.Add((assignment.Value, body));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The class a field of an interface or abstract type holds when every write the code makes to it creates that one
    /// class (<c>private readonly IExportStore _store = new CachedExportStore();</c>), else null.
    /// </summary>
    public static INamedTypeSymbol? CreatedType(IFieldSymbol field, MethodSummaries summaries)
    {
        if (field.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        INamedTypeSymbol? created = null;
        foreach ((IOperation value, _) in Of(field, summaries))
        {
            if (OperationText.UnwrapAll(value) is not IObjectCreationOperation { Type: INamedTypeSymbol type }
                || (created is not null && !SymbolEqualityComparer.Default.Equals(created, type)))
            {
                return null;
            }

            created = type;
        }

        return created;
    }
}
