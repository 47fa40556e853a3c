using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Analyzers;

namespace PayloadGen.Benchmarks;

/// <summary>
/// Where PayloadGen's marginal cost on the SDK build goes, taken apart in the same rounds (<c>--cpu-times --ablation</c>):
/// the wrappers added as ordinary sources with neither generator nor analyzers (compiling them, and the SDK's analyzers
/// looking at them); the same wrappers written as if by hand (no <c>auto-generated</c> header, no <c>[GeneratedCode]</c>,
/// no <c>.g.cs</c>: would the SDK's analyzers cost more if they did not skip them?); the generator alone; the analyzers
/// alone, each group and both; analyzers with exactly the groups' registrations and no work in them
/// (<see cref="RegistrationShape"/>: the driver's cost of the registration shape, and of the two groups merged into one);
/// and the full build. Each component is a paired per-round difference (<see cref="PairedDifference"/>).
/// </summary>
internal static class CompileCostAblation
{
    public static async Task PrintAsync(CompileCostBenchmarks project, int runs)
    {
        project.Setup();
        SdkBuildAnalyzers sdk = SdkBuildAnalyzers.Load();
        PayloadGenComponents payloadGen = PayloadGenComponents.Current;
        ImmutableArray<SyntaxTree> wrappers = project.GeneratedTrees;
        ImmutableArray<SyntaxTree> handWritten = wrappers.Select(t => AsIfHandWritten(t, project.ParseOptions)).ToImmutableArray();
        DiagnosticAnalyzer including = payloadGen.Analyzers.Single(a => a is RulesIncludingGeneratedCodeAnalyzer);
        DiagnosticAnalyzer excluding = payloadGen.Analyzers.Single(a => a is RulesExcludingGeneratedCodeAnalyzer);

        PrintSdkGeneratedCodeSettings(sdk);

        // The registrations each group makes on this very build: the SDK build's compilation with the wrappers added.
        Compilation recorded = project.NewCompilation().AddSyntaxTrees(wrappers);
        recorded = recorded.WithOptions(recorded.Options.WithSpecificDiagnosticOptions(sdk.Severities));
        var options = new AnalyzerOptions([], project.BuildOptions);
        RegistrationShape includingShape = RegistrationShape.Of(including, recorded, options);
        RegistrationShape excludingShape = RegistrationShape.Of(excluding, recorded, options);
        RegistrationShape mergedShape = RegistrationShape.Union("both groups merged (generated code analyzed)", GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics, [includingShape, excludingShape]);
        foreach (RegistrationShape shape in new[] { includingShape, excludingShape })
        {
            Console.WriteLine($"// {shape.Name} (generated code: {shape.GeneratedCode}) registers on this build: {string.Join("; ", shape.Registrations)}");
        }

        DiagnosticAnalyzer hollowIncluding = includingShape.Hollow(including);
        DiagnosticAnalyzer hollowExcluding = excludingShape.Hollow(excluding);
        DiagnosticAnalyzer hollowMerged = mergedShape.Hollow(excluding);
        DiagnosticAnalyzer hollowMergedCoalesced = mergedShape.Coalesced().Hollow(excluding);

        Func<Task<int>> OnSdk(ImmutableArray<ISourceGenerator> generators, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<SyntaxTree> added = default) =>
            () => project.BuildAsync(sdk.Generators.AddRange(generators), sdk.Analyzers.AddRange(analyzers), sdk.Severities, added);

        const string Sdk = CompileCostCpuTimes.SdkBuild;
        const string Wrappers = Sdk + " + wrappers as sources";
        var plan = new MeasurementPlan();
        Scenario baseline = plan.Add("compiler GetDiagnostics() (baseline)", () => Task.FromResult(project.Compile()));
        Scenario compilerWrappers = plan.Add("compiler, wrappers as sources", () => Task.FromResult(project.CompilePreGenerated()));
        Scenario sdkBuild = plan.Add(Sdk, OnSdk([], []));
        Scenario withWrappers = plan.Add(Wrappers + " (a)", OnSdk([], [], wrappers));
        Scenario handWrittenWrappers = plan.Add(Sdk + " + wrappers written as if by hand", OnSdk([], [], handWritten));
        Scenario hollowBoth = plan.Add(Wrappers + " + both groups hollow (e)", OnSdk([], [hollowIncluding, hollowExcluding], wrappers));
        Scenario hollowExcludingOnly = plan.Add(Wrappers + " + excluding group hollow", OnSdk([], [hollowExcluding], wrappers));
        Scenario hollowIncludingOnly = plan.Add(Wrappers + " + including group hollow", OnSdk([], [hollowIncluding], wrappers));
        Scenario hollowMergedOnly = plan.Add(Wrappers + " + both groups merged, hollow", OnSdk([], [hollowMerged], wrappers));
        Scenario hollowMergedCoalescedOnly = plan.Add(Wrappers + " + both groups merged, one symbol and one syntax action, hollow", OnSdk([], [hollowMergedCoalesced], wrappers));
        Scenario analyzers = plan.Add(Wrappers + " + PayloadGen analyzers (b)", OnSdk([], payloadGen.Analyzers, wrappers));
        Scenario excludingOnly = plan.Add(Wrappers + " + RulesExcludingGeneratedCodeAnalyzer", OnSdk([], [excluding], wrappers));
        Scenario includingOnly = plan.Add(Wrappers + " + RulesIncludingGeneratedCodeAnalyzer", OnSdk([], [including], wrappers));
        Scenario generator = plan.Add(Sdk + " + PayloadGen generator (c)", OnSdk(payloadGen.Generators, []));
        Scenario full = plan.Add(Sdk + " + PayloadGen generator + analyzers (d)", OnSdk(payloadGen.Generators, payloadGen.Analyzers));

        plan.Compare("PayloadGen's whole marginal cost on the SDK build: (d) − SDK", full, sdkBuild);
        plan.Compare("wrappers on the compiler alone: compiled, no analyzers", compilerWrappers, baseline);
        plan.Compare("wrappers on the SDK build: compiled and seen by the SDK's analyzers, (a) − SDK", withWrappers, sdkBuild);
        plan.Compare("wrappers as if hand-written − as generated (what the SDK's analyzers skip)", handWrittenWrappers, withWrappers);
        plan.Compare("generator's own run: (c) − (a)", generator, withWrappers);
        plan.Compare("analyzers, both groups: (b) − (a)", analyzers, withWrappers);
        plan.Compare("analyzers after the generator: (d) − (c)", full, generator);
        plan.Compare("driver, both groups' registrations with no work: (e) − (a)", hollowBoth, withWrappers);
        plan.Compare("analyzers' work beyond the driver's: (b) − (e)", analyzers, hollowBoth);
        plan.Compare("RulesExcludingGeneratedCodeAnalyzer − (a)", excludingOnly, withWrappers);
        plan.Compare("RulesIncludingGeneratedCodeAnalyzer − (a)", includingOnly, withWrappers);
        plan.Compare("excluding group hollow − (a)", hollowExcludingOnly, withWrappers);
        plan.Compare("including group hollow − (a)", hollowIncludingOnly, withWrappers);
        plan.Compare("both groups merged, hollow − (a)", hollowMergedOnly, withWrappers);
        plan.Compare("both groups merged, hollow − both groups hollow", hollowMergedOnly, hollowBoth);
        plan.Compare("merged and coalesced, hollow − (a)", hollowMergedCoalescedOnly, withWrappers);
        plan.Compare("merged and coalesced, hollow − both groups hollow", hollowMergedCoalescedOnly, hollowBoth);

        await CompileCostCpuTimes.MeasureAsync(plan, runs);
    }

    /// <summary>How many of the SDK's analyzers skip generated code, by what each one's <c>Initialize</c> configures.</summary>
    private static void PrintSdkGeneratedCodeSettings(SdkBuildAnalyzers sdk)
    {
        var settings = sdk.Analyzers.Select(RegistrationShape.Initialized).ToArray();
        string Count(Func<RegistrationShape, bool> which) => settings.Count(which).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine(
            $"// SDK analyzers' generated-code setting: {Count(s => s.ConfiguredGeneratedCode && s.GeneratedCode == GeneratedCodeAnalysisFlags.None)} skip generated code, " +
            $"{Count(s => s.ConfiguredGeneratedCode && s.GeneratedCode.HasFlag(GeneratedCodeAnalysisFlags.Analyze))} analyze it, " +
            $"{Count(s => !s.ConfiguredGeneratedCode)} do not say (the driver then analyzes it and reports there) of {settings.Length}");
    }

    /// <summary>The same wrapper as if its author wrote it: no generated-code marker the driver reads (header, attribute, file name).</summary>
    private static SyntaxTree AsIfHandWritten(SyntaxTree generated, CSharpParseOptions parseOptions)
    {
        string text = generated.GetText().ToString().Replace("// <auto-generated/>", "// Written by hand.", StringComparison.Ordinal);
        text = GeneratedCodeAttribute().Replace(text, string.Empty);
        string path = generated.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) ? generated.FilePath[..^".g.cs".Length] + ".cs" : generated.FilePath;
        return CSharpSyntaxTree.ParseText(text, parseOptions, path.Replace("PayloadGen.Generators", "HandWritten", StringComparison.Ordinal));
    }

    private static Regex GeneratedCodeAttribute() => new(@"\[global::System\.CodeDom\.Compiler\.GeneratedCode\([^\]]*\)\]", RegexOptions.CultureInvariant);
}
