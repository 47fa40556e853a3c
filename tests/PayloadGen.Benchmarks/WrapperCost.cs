using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Benchmarks;

/// <summary>
/// What in the generated wrappers costs the SDK build (<c>--cpu-times --wrapper-cost</c>): the wrappers added as sources
/// to the SDK build as the generator writes them, and with one part taken out — the XML doc comments, the
/// <c>[GeneratedCode]</c> attributes, the method bodies (each replaced by <c>throw null!;</c>) — each against the SDK build
/// without them, paired per round; and all of them in one file instead of one file per wrapper. Then which of the SDK's analyzers spend the time, by Roslyn's telemetry: each analyzer's
/// execution time with the wrappers minus without, median over the rounds.
/// </summary>
internal static class WrapperCost
{
    /// <param name="telemetry">Whether to also read, per SDK analyzer, its own time with and without the wrappers (two more builds a round).</param>
    public static async Task PrintAsync(CompileCostBenchmarks project, int runs, bool telemetry)
    {
        project.Setup();
        SdkBuildAnalyzers sdk = SdkBuildAnalyzers.Load();
        ImmutableArray<SyntaxTree> wrappers = project.GeneratedTrees;
        ImmutableArray<SyntaxTree> Variant(Func<SyntaxTree, SyntaxTree> change) => wrappers.Select(change).ToImmutableArray();
        ImmutableArray<SyntaxTree> withoutDocs = Variant(t => Reparse(t, DocComment().Replace(t.GetText().ToString(), string.Empty)));
        ImmutableArray<SyntaxTree> withoutAttributes = Variant(t => Reparse(t, GeneratedCodeAttribute().Replace(t.GetText().ToString(), string.Empty)));
        ImmutableArray<SyntaxTree> declarationsOnly = Variant(t => t.WithRootAndOptions(new BodyRemover().Visit(t.GetRoot()), t.Options));
        ImmutableArray<SyntaxTree> oneFile = [OneFile(wrappers)];
        ImmutableArray<SyntaxTree> declarationsInOneFile = [OneFile(declarationsOnly)];
        Console.WriteLine($"// wrappers: {Characters(wrappers)} characters; without doc comments {Characters(withoutDocs)}; without [GeneratedCode] {Characters(withoutAttributes)}; declarations only {Characters(declarationsOnly)}");

        Func<Task<int>> OnSdk(ImmutableArray<SyntaxTree> added) => () => project.BuildAsync(sdk.Generators, sdk.Analyzers, sdk.Severities, added);
        const string Sdk = CompileCostCpuTimes.SdkBuild;
        var plan = new MeasurementPlan();
        Scenario baseline = plan.Add("compiler GetDiagnostics() (baseline)", () => Task.FromResult(project.Compile()));
        Scenario declarationsOnlyCompiled = plan.Add("compiler, wrappers' declarations only", () => project.BuildAsync([], [], severities: null, declarationsOnly));
        Scenario sdkBuild = plan.Add(Sdk, OnSdk(default));
        Scenario asGenerated = plan.Add(Sdk + " + wrappers as generated", OnSdk(wrappers));
        Scenario noDocs = plan.Add(Sdk + " + wrappers without doc comments", OnSdk(withoutDocs));
        Scenario noAttributes = plan.Add(Sdk + " + wrappers without [GeneratedCode]", OnSdk(withoutAttributes));
        Scenario declarations = plan.Add(Sdk + " + wrappers' declarations only (bodies throw)", OnSdk(declarationsOnly));
        Scenario inOneFile = plan.Add(Sdk + " + wrappers as generated, all in one file", OnSdk(oneFile));
        Scenario declarationsOneFile = plan.Add(Sdk + " + wrappers' declarations only, all in one file", OnSdk(declarationsInOneFile));
        plan.Compare("wrappers as generated − SDK", asGenerated, sdkBuild);
        plan.Compare("wrappers without doc comments − SDK", noDocs, sdkBuild);
        plan.Compare("wrappers without [GeneratedCode] − SDK", noAttributes, sdkBuild);
        plan.Compare("wrappers' declarations only − SDK", declarations, sdkBuild);
        plan.Compare("wrappers' bodies: as generated − declarations only", asGenerated, declarations);
        plan.Compare("wrappers' declarations only on the compiler alone − baseline", declarationsOnlyCompiled, baseline);
        plan.Compare("wrappers in one file − SDK", inOneFile, sdkBuild);
        plan.Compare("wrappers in one file − in 40 files", inOneFile, asGenerated);
        plan.Compare("declarations only in one file − in 40 files", declarationsOneFile, declarations);
        await CompileCostCpuTimes.MeasureAsync(plan, runs);
        if (!telemetry)
        {
            return;
        }

        // Telemetry: which SDK analyzers spend the difference (wall-clock stopwatches around their actions, not paired CPU).
        var differences = sdk.Analyzers.ToDictionary(a => a, _ => new List<double>());
        for (int round = 0; round < runs; round++)
        {
            ImmutableDictionary<DiagnosticAnalyzer, TimeSpan> without = await project.AnalyzerTimesAsync(sdk.Generators, sdk.Analyzers, sdk.Severities, default);
            ImmutableDictionary<DiagnosticAnalyzer, TimeSpan> with = await project.AnalyzerTimesAsync(sdk.Generators, sdk.Analyzers, sdk.Severities, wrappers);
            foreach (DiagnosticAnalyzer analyzer in sdk.Analyzers)
            {
                differences[analyzer].Add((with[analyzer] - without[analyzer]).TotalMilliseconds);
            }
        }

        var medians = differences.Select(d => (Analyzer: d.Key, Median: PairedDifference.Quantile(d.Value.Order().ToArray(), 0.5))).OrderByDescending(d => d.Median).ToArray();
        Console.WriteLine($"SDK analyzers' own time with the wrappers − without (telemetry, median of {runs} pairs): sum of medians {medians.Sum(m => m.Median):F1} ms; largest:");
        foreach ((DiagnosticAnalyzer analyzer, double median) in medians.Take(15))
        {
            Console.WriteLine($"  {analyzer.GetType().FullName} [{string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct())}] generated code {RegistrationShape.Initialized(analyzer).GeneratedCode}: {median:F2} ms");
        }
    }

    /// <summary>The wrappers' text in one file (each wrapper's namespace block after the other; the header directives repeat harmlessly).</summary>
    private static SyntaxTree OneFile(ImmutableArray<SyntaxTree> trees) => CSharpSyntaxTree.ParseText(
        string.Concat(trees.Select(t => t.GetText().ToString() + "\n")),
        (CSharpParseOptions)trees[0].Options,
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(trees[0].FilePath)!, "AllWrappers.g.cs"));

    private static SyntaxTree Reparse(SyntaxTree tree, string text) => CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)tree.Options, tree.FilePath);

    private static int Characters(ImmutableArray<SyntaxTree> trees) => trees.Sum(t => t.Length);

    private static Regex DocComment() => new(@"^[ \t]*///.*\r?\n", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static Regex GeneratedCodeAttribute() => new(@"\[global::System\.CodeDom\.Compiler\.GeneratedCode\([^\]]*\)\]", RegexOptions.CultureInvariant);

    /// <summary>Every method's body becomes <c>throw null!;</c> (and the method no longer <c>async</c>): the declarations alone.</summary>
    private sealed class BodyRemover : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) => node
            .WithModifiers(SyntaxFactory.TokenList(node.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword))))
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithBody(SyntaxFactory.Block(SyntaxFactory.ParseStatement("throw null!;")));
    }
}
