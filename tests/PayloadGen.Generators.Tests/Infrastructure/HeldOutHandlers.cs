using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// The held-out handler files (HeldOut/ beside the test assembly) and the verdict written above each
/// <c>[ClaimCheck]</c> method: <c>// expect: wrap [PGxxxx…] -- why</c> or <c>// expect: PGxxxx… -- why</c>.
/// </summary>
internal static partial class HeldOutHandlers
{
    /// <summary>The sources of one folder of HeldOut/ (<c>Library</c>, <c>Executable</c>, …), by file name.</summary>
    public static ImmutableArray<(string Name, string Text)> Read(string folder)
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "HeldOut", folder), "*.cs")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
            .ToImmutableArray();

    /// <summary>Every <c>[ClaimCheck]</c> method or local function of <paramref name="compilation"/> with its written verdict.</summary>
    public static ImmutableArray<Expectation> Expectations(Compilation compilation, IReadOnlyList<string> fileNames)
    {
        var found = new List<Expectation>();
        foreach ((SyntaxTree tree, int index) in compilation.SyntaxTrees.Select((tree, index) => (tree, index)))
        {
            string file = index < fileNames.Count ? fileNames[index] : "(contract)";
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                SyntaxList<AttributeListSyntax> attributes = node switch
                {
                    MethodDeclarationSyntax method => method.AttributeLists,
                    LocalFunctionStatementSyntax local => local.AttributeLists,
                    _ => default,
                };
                if (!attributes.SelectMany(list => list.Attributes).Any(attribute => attribute.Name.ToString() is "ClaimCheck" or "PayloadGen.ClaimCheck"))
                {
                    continue;
                }

                string comment = string.Join("\n", node.GetLeadingTrivia().Where(trivia => trivia.ToString().StartsWith("//", StringComparison.Ordinal)).Select(trivia => trivia.ToString()));
                Match match = ExpectLine().Match(comment);
                if (!match.Success)
                {
                    throw new InvalidOperationException("No '// expect:' verdict above the [ClaimCheck] member at " + file + ":" + (tree.GetLineSpan(node.Span).StartLinePosition.Line + 1));
                }

                string[] words = match.Groups["verdict"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                ISymbol symbol = compilation.GetSemanticModel(tree).GetDeclaredSymbol(node)
                    ?? throw new InvalidOperationException("No symbol for " + node);
                found.Add(new Expectation(
                    file,
                    tree,
                    node.Span,
                    (IMethodSymbol)symbol,
                    Wrap: words.Contains("wrap"),
                    Diagnostics: words.Where(word => word.StartsWith("PG", StringComparison.Ordinal)).OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray(),
                    Why: match.Groups["why"].Value.Trim()));
            }
        }

        return found.ToImmutableArray();
    }

    [GeneratedRegex(@"// expect: (?<verdict>[^\n]*?) --(?<why>[^\n]*)")]
    private static partial Regex ExpectLine();

    /// <summary>One <c>[ClaimCheck]</c> member and the verdict written for it.</summary>
    public sealed record Expectation(
        string File,
        SyntaxTree Tree,
        Microsoft.CodeAnalysis.Text.TextSpan Span,
        IMethodSymbol Method,
        bool Wrap,
        ImmutableArray<string> Diagnostics,
        string Why)
    {
        /// <summary>How reports name it: <c>Type.Method</c>.</summary>
        public string Name => (Method.ContainingType is { } type && Method.MethodKind == MethodKind.Ordinary ? type.Name + "." : "local ") + Method.Name;

        /// <summary>The verdict as written: <c>wrap PG0003</c>, <c>PG0002</c>.</summary>
        public string Verdict => string.Join(" ", (Wrap ? ["wrap"] : Array.Empty<string>()).Concat(Diagnostics));
    }
}
