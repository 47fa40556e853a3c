using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.CodeFixes;

/// <summary>
/// Fixes the size rules by adding <c>[ClaimCheck]</c> (with the inferred <c>Source</c>) to the handler, importing
/// <c>PayloadGen</c> when needed and declaring every containing type partial. Not offered for HTTP proxy handlers,
/// where a pointer in place of the body would break the client.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddClaimCheckCodeFixProvider)), Shared]
public sealed class AddClaimCheckCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "PayloadGen.AddClaimCheck";

    public override ImmutableArray<string> FixableDiagnosticIds => SizeRuleIds.HandlerPayloads;

    private static readonly DocumentFixAll s_fixAll = new("Add [ClaimCheck] to every flagged handler", FixAsync);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!CanFix(diagnostic) || FindMethod(root, diagnostic) is null)
            {
                continue;
            }

            string? source = SourceOf(diagnostic);
            string title = source is null ? "Add [ClaimCheck]" : $"Add [ClaimCheck(Source = PayloadSource.{source})]";
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    internal static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax compilationUnit)
        {
            return document;
        }

        var sources = new Dictionary<MethodDeclarationSyntax, string?>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (CanFix(diagnostic) && FindMethod(root, diagnostic) is { } method && !sources.ContainsKey(method))
            {
                sources.Add(method, SourceOf(diagnostic));
            }
        }

        if (sources.Count == 0)
        {
            return document;
        }

        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        bool imported = model is not null && PayloadGenImport.IsImported(model, sources.Keys.First().SpanStart);
        SyntaxTrivia endOfLine = PayloadGenImport.EndOfLineOf(root);

        var types = new HashSet<TypeDeclarationSyntax>(sources.Keys.SelectMany(method => method.Ancestors().OfType<TypeDeclarationSyntax>()));
        var nodes = new List<SyntaxNode>(sources.Keys);
        nodes.AddRange(types);
        var fixedRoot = (CompilationUnitSyntax)compilationUnit.ReplaceNodes(nodes, (original, rewritten) => original switch
        {
            MethodDeclarationSyntax method => AddAttribute((MethodDeclarationSyntax)rewritten, sources[method], endOfLine),
            TypeDeclarationSyntax => PartialModifier.Add((TypeDeclarationSyntax)rewritten),
            _ => rewritten,
        });

        if (!imported)
        {
            fixedRoot = PayloadGenImport.Add(fixedRoot, endOfLine);
        }

        return document.WithSyntaxRoot(fixedRoot);
    }

    private static MethodDeclarationSyntax AddAttribute(MethodDeclarationSyntax method, string? source, SyntaxTrivia endOfLine)
    {
        AttributeSyntax attribute = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("ClaimCheck"));
        if (source is not null)
        {
            attribute = attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression("PayloadSource." + source))
                    .WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Source"))))));
        }

        // The new attribute takes the method's leading trivia (comments, indentation); the method keeps its indentation.
        SyntaxTriviaList leading = method.GetLeadingTrivia();
        SyntaxTriviaList indentation = SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(endOfLine);
        MethodDeclarationSyntax reindented = method.WithLeadingTrivia(indentation);
        return reindented.WithAttributeLists(reindented.AttributeLists.Insert(0, list));
    }

    private static bool CanFix(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(PropertyNames.CanClaimCheck, out string? value) && value == "true";

    private static string? SourceOf(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(PropertyNames.PayloadSource, out string? source) && !string.IsNullOrEmpty(source) ? source : null;

    private static MethodDeclarationSyntax? FindMethod(SyntaxNode? root, Diagnostic diagnostic) => DocumentFixAll.Enclosing<MethodDeclarationSyntax>(root, diagnostic);
}
