using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PayloadGen.CodeFixes;

/// <summary>The <c>using PayloadGen;</c> a fix adds when the attribute it writes would not resolve without it.</summary>
internal static class PayloadGenImport
{
    /// <summary>Whether PayloadGen's attributes resolve by their short names at <paramref name="position"/>.</summary>
    public static bool IsImported(SemanticModel model, int position) =>
        model.LookupNamespacesAndTypes(position, name: "ClaimCheckAttribute")
            .Any(symbol => symbol.ContainingNamespace?.ToDisplayString() == "PayloadGen");

    /// <summary>The document's own line ending, so an added line matches the file.</summary>
    public static SyntaxTrivia EndOfLineOf(SyntaxNode root)
    {
        SyntaxTrivia endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return endOfLine == default ? SyntaxFactory.ElasticCarriageReturnLineFeed : endOfLine;
    }

    /// <summary><paramref name="root"/> with <c>using PayloadGen;</c> among its namespace imports.</summary>
    public static CompilationUnitSyntax Add(CompilationUnitSyntax root, SyntaxTrivia endOfLine)
    {
        UsingDirectiveSyntax directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName("PayloadGen"))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);
        if (root.Usings.Count == 0)
        {
            // A first using goes above the code it serves, below any file header, followed by a blank line.
            SyntaxToken first = root.GetFirstToken(includeZeroWidth: true);
            CompilationUnitSyntax separated = root.ReplaceToken(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList(endOfLine)));
            return separated.WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(first.LeadingTrivia)));
        }

        // After the last plain namespace import, before static and alias usings.
        int index = 0;
        for (int i = 0; i < root.Usings.Count; i++)
        {
            if (root.Usings[i] is { StaticKeyword.RawKind: 0, Alias: null })
            {
                index = i + 1;
            }
        }

        return root.WithUsings(root.Usings.Insert(index, directive));
    }
}
