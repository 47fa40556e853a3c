using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PayloadGen.Analyzers.Tests.Corpus;

/// <summary>
/// Measures the size rules on realistic handlers: each method in the corpus says which rule it expects
/// (<c>// expect: PG0101</c> or <c>// expect: none</c>). Bounded lists (Take, page limits, single DynamoDB pages) must
/// stay silent; whole files, unbounded queries and drained scans must fire.
/// </summary>
public partial class PrecisionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Size_rules_fire_exactly_on_the_handlers_that_expect_them()
    {
        var compilation = AnalyzerRunner.Compile(CorpusFiles.AssemblyName, CorpusFiles.Sources);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        AnalyzerRunner.Result result = await AnalyzerRunner.RunAsync(compilation, CorpusFiles.DeploymentFiles);
        Assert.Empty(result.AnalyzerFailures);

        var expected = new Dictionary<string, string>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            foreach (MethodDeclarationSyntax method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                Match match = ExpectComment().Match(method.GetLeadingTrivia().ToFullString());
                if (match.Success)
                {
                    expected[Key(method)] = match.Groups[1].Value;
                }
            }
        }

        var actual = new Dictionary<string, string>();
        foreach (Diagnostic diagnostic in result.Diagnostics.Where(d => d.Id.StartsWith("PG01", StringComparison.Ordinal) && d.Location.IsInSource))
        {
            MethodDeclarationSyntax? method = diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan)
                .AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
            Assert.NotNull(method);
            actual[Key(method)] = diagnostic.Id;
            output.WriteLine($"{Key(method)}: {diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        int truePositives = expected.Count(e => e.Value != "none" && actual.GetValueOrDefault(e.Key) == e.Value);
        int expectedPositives = expected.Count(e => e.Value != "none");
        output.WriteLine($"handlers: {expected.Count}, expected findings: {expectedPositives}, reported: {actual.Count}, correct: {truePositives}");
        output.WriteLine($"precision: {(actual.Count == 0 ? 1 : (double)truePositives / actual.Count):P0}, recall: {(double)truePositives / expectedPositives:P0}");

        Assert.True(expected.Count >= 25, "the corpus should stay realistic in size");
        Assert.All(actual.Keys, key => Assert.True(expected.ContainsKey(key), $"{key} reported {actual[key]} but states no expectation"));
        Assert.All(expected, e => Assert.True(
            e.Value == actual.GetValueOrDefault(e.Key, "none"),
            $"{e.Key}: expected {e.Value}, got {actual.GetValueOrDefault(e.Key, "none")}"));
    }

    private static string Key(MethodDeclarationSyntax method) =>
        ((TypeDeclarationSyntax)method.Parent!).Identifier.ValueText + "." + method.Identifier.ValueText;

    [GeneratedRegex(@"//\s*expect:\s*(PG\d{4}|none)")]
    private static partial Regex ExpectComment();
}
