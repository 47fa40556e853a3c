using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Analyzers;

namespace PayloadGen.Benchmarks;

/// <summary>
/// The <see cref="CompileCostBenchmarks"/> scenarios in process CPU time and allocated bytes, which a loaded machine
/// distorts far less than wall time (every scenario is single-threaded, so CPU time is its work), plus what Roslyn's
/// analyzer driver costs before an analyzer does anything: one analyzer configured like PayloadGen's (no generated
/// code, concurrent execution) whose only action does nothing, for each kind of action PayloadGen registers. That is
/// the part of the share no change to PayloadGen's code removes, short of not registering that kind of action. Not a
/// benchmark: <c>dotnet run -c Release -- --cpu-times</c>.
/// </summary>
internal static class CompileCostCpuTimes
{
#pragma warning disable RS2008 // A probe's rule, never shipped: no release tracking.
    private static readonly DiagnosticDescriptor Never = new(
        "PROBE0001", "Probe", "Probe", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    /// <param name="before">Another build of PayloadGen to measure next to this one (an older commit), or none.</param>
    /// <param name="detailed">
    /// Whether to measure, besides the baseline and the builds with and without PayloadGen, the generator alone, this
    /// branch's rules as separate analyzers, and the no-op analyzers.
    /// </param>
    /// <param name="runs">Measured rounds, after two warm-up rounds.</param>
    /// <param name="telemetry">Whether to add the build that reads PayloadGen's own time by Roslyn's telemetry (off for a quick look at allocations).</param>
    public static async Task PrintAsync(CompileCostBenchmarks project, PayloadGenComponents? before, bool detailed, int runs, bool telemetry = true)
    {
        project.Setup();
        SdkBuildAnalyzers sdk = SdkBuildAnalyzers.Load();
        Console.WriteLine($"// SDK build: {sdk.Analyzers.Length} analyzers, {sdk.Generators.Length} generators from {string.Join(", ", sdk.Files)}; {sdk.Severities.Count} severities set");
        PayloadGenComponents current = PayloadGenComponents.Current;
        var compared = new List<PayloadGenComponents>();
        if (before is not null)
        {
            compared.Add(before);
        }

        if (detailed)
        {
            // This branch's rules loaded one analyzer each, as before they were grouped: what the grouping alone changes.
            compared.Add(current.Ungrouped());
        }

        compared.Add(current);
        var plan = new MeasurementPlan();
        plan.Add("compiler GetDiagnostics() (baseline)", () => Task.FromResult(project.Compile()));
        if (detailed)
        {
            plan.Add("compiler, wrappers pre-generated", () => Task.FromResult(project.CompilePreGenerated()));
            plan.Add("compiler + PayloadGen generator", () => Task.FromResult(project.CompileWithGenerator()));
        }

        var alone = new List<Scenario>();
        foreach (PayloadGenComponents payloadGen in compared)
        {
            alone.Add(plan.Add($"compiler + PayloadGen generator + analyzers ({payloadGen.Name}: {payloadGen.Analyzers.Length} analyzers)", () => project.BuildAsync(payloadGen.Generators, payloadGen.Analyzers, severities: null)));
        }

        // The SDK build and each build with PayloadGen on top of it are neighbours in the list, so that each round
        // measures them back to back (in alternating order) and their per-round difference is a fair pair.
        Scenario sdkBuild = plan.Add(SdkBuild, () => project.BuildAsync(sdk.Generators, sdk.Analyzers, sdk.Severities));
        var onSdk = new List<Scenario>();
        foreach (PayloadGenComponents payloadGen in compared)
        {
            Scenario withPayloadGen = plan.Add($"{SdkBuild} + PayloadGen ({payloadGen.Name})", () => project.BuildAsync(sdk.Generators.AddRange(payloadGen.Generators), sdk.Analyzers.AddRange(payloadGen.Analyzers), sdk.Severities));
            plan.Compare($"PayloadGen's marginal share on the SDK build ({payloadGen.Name})", withPayloadGen, sdkBuild);
            onSdk.Add(withPayloadGen);
        }

        if (before is not null)
        {
            // The last of 'compared' is this branch, the first the older build: this branch minus before, negative when cheaper.
            plan.Compare("this branch − before, on the SDK build", onSdk[^1], onSdk[0]);
            plan.Compare("this branch − before, on the compiler alone", alone[^1], alone[0]);
        }

        // The second estimate: no difference of two builds, but PayloadGen's own time inside the SDK + PayloadGen build
        // by Roslyn's telemetry (which slows the build it times, so this build is not one of the pair above).
        if (telemetry)
        {
            plan.AddOwnTime(
                $"{SdkBuild} + PayloadGen ({current.Name}), telemetry on",
                () => project.OwnExecutionTimeAsync(sdk.Generators.AddRange(current.Generators), sdk.Analyzers.AddRange(current.Analyzers), sdk.Severities, current));
        }

        if (detailed)
        {
            plan.Add("compiler + no-op analyzer: compilation-start action only", () => Analyze(project, new Probe(_ => { })));
            plan.Add("compiler + no-op analyzer: symbol action (NamedType, Method)", () => Analyze(project, new Probe(start => start.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType, SymbolKind.Method))));
            plan.Add("compiler + no-op analyzer: syntax node action (InvocationExpression)", () => Analyze(project, new Probe(start => start.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.InvocationExpression))));
            plan.Add("compiler + no-op analyzer: operation action (Invocation)", () => Analyze(project, new Probe(start => start.RegisterOperationAction(static _ => { }, OperationKind.Invocation))));
            plan.Add("compiler + no-op analyzer: operation block action", () => Analyze(project, new Probe(start => start.RegisterOperationBlockAction(static _ => { }))));
        }

        await MeasureAsync(plan, runs);
    }

    /// <summary>
    /// Each PayloadGen analyzer alone, after the generator, next to a no-op analyzer: what each one costs in CPU time
    /// (Roslyn's telemetry times actions, not the driver's work for them, and charges shared binding to whoever asks first).
    /// Each is also compared, round by round, with the no-op analyzer: what it costs beyond the driver's base cost.
    /// </summary>
    /// <param name="onSdkBuild">Whether each is measured on top of the SDK's analyzers and generators (<see cref="SdkBuildAnalyzers"/>) rather than alone.</param>
    public static async Task PrintPerAnalyzerAsync(CompileCostBenchmarks project, bool onSdkBuild, int runs)
    {
        project.Setup();
        PayloadGenComponents current = PayloadGenComponents.Current;
        SdkBuildAnalyzers? sdk = onSdkBuild ? SdkBuildAnalyzers.Load() : null;
        Func<Task<int>> Build(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
            () => project.BuildAsync(sdk is null ? current.Generators : sdk.Generators.AddRange(current.Generators), sdk is null ? analyzers : sdk.Analyzers.AddRange(analyzers), sdk?.Severities);

        string on = sdk is null ? "compiler + PayloadGen generator" : SdkBuild + " + PayloadGen generator";
        var plan = new MeasurementPlan();
        plan.Add("compiler GetDiagnostics() (baseline)", () => Task.FromResult(project.Compile()));
        Scenario noOp = plan.Add($"{on} + no-op analyzer (compilation-start action only)", Build([new Probe(_ => { })]));
        void AddComparedWithNoOp(string name, Func<Task<int>> run) => plan.Compare($"{name} − no-op analyzer", plan.Add(name, run), noOp);

        AddComparedWithNoOp($"{on} + analyzers", Build(current.Analyzers));
        foreach (DiagnosticAnalyzer analyzer in current.Analyzers)
        {
            AddComparedWithNoOp($"{on} + {analyzer.GetType().Name}", Build([analyzer]));
            if (analyzer is RuleGroupAnalyzer group)
            {
                // Each rule loaded alone, as the compiler loaded them before the groups: the driver's cost per analyzer.
                AddComparedWithNoOp($"{on} + the {group.Rules.Length} rules of {analyzer.GetType().Name}, each its own analyzer", Build(group.Rules));
                foreach (DiagnosticAnalyzer rule in group.Rules)
                {
                    AddComparedWithNoOp($"{on} + {rule.GetType().Name} alone", Build([rule]));
                }
            }
        }

        await MeasureAsync(plan, runs);
    }

    internal static async Task MeasureAsync(MeasurementPlan plan, int runs)
    {
        IReadOnlyList<Scenario> scenarios = plan.Scenarios;
        foreach (Scenario scenario in scenarios)
        {
            Console.WriteLine($"// {scenario.Name}: {await scenario.Run()} diagnostics");
        }

        // Every scenario shares the referenced assemblies' symbols, which fill lazily, and the JIT's tiers: warm them all
        // first, then measure round-robin so that the machine's load falls on every scenario alike.
        for (int warmUp = 0; warmUp < 2; warmUp++)
        {
            foreach (Scenario scenario in scenarios)
            {
                await scenario.Run();
            }
        }

        using Process self = Process.GetCurrentProcess();
        for (int round = 0; round < runs; round++)
        {
            // Forward in even rounds, backward in odd ones: in a compared pair, each side goes first in half the rounds,
            // so neither always inherits the other's garbage, tiered-up code or a load change.
            IEnumerable<Scenario> order = round % 2 == 0 ? scenarios : scenarios.Reverse();
            foreach (Scenario scenario in order)
            {
                GC.Collect();
                self.Refresh();
                TimeSpan cpuBefore = self.TotalProcessorTime;
                long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                await scenario.Run();
                double wall = clock.Elapsed.TotalMilliseconds;
                self.Refresh();
                scenario.Record((self.TotalProcessorTime - cpuBefore).TotalMilliseconds, wall, GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
            }
        }

        Scenario baseline = scenarios[0];
        double baselineCpu = Median(baseline.Cpu);
        for (int i = 0; i < scenarios.Count; i++)
        {
            Scenario scenario = scenarios[i];
            Console.WriteLine(
                $"{scenario.Name}: CPU median {Median(scenario.Cpu):F0} ms ({Median(scenario.Cpu) / baselineCpu:F3}×), min {scenario.Cpu.Min():F0}, max {scenario.Cpu.Max():F0} of {runs} rounds; " +
                $"wall median {Median(scenario.Wall):F0} ms; allocated {scenario.Allocated.Average() / 1e6:F1} MB");
        }

        // Each comparison from its per-round differences, as a share of the baseline's median CPU time.
        foreach ((string name, Scenario with, Scenario without) in plan.Comparisons)
        {
            PairedDifference milliseconds = PairedDifference.Of(with.Cpu, without.Cpu);
            PairedDifference share = milliseconds.Over(baselineCpu);
            Console.WriteLine(
                $"{name}: paired CPU difference median {milliseconds.Median:F0} ms = {share.Median:P1} of the baseline; " +
                $"interquartile range {share.LowerQuartile:P1} to {share.UpperQuartile:P1}; " +
                $"{share.Confidence:P1} confidence interval of the median {share.LowerBound:P1} to {share.UpperBound:P1} ({milliseconds.LowerBound:F0} to {milliseconds.UpperBound:F0} ms); " +
                $"{milliseconds.Rounds} rounds; allocated {(with.Allocated.Average() - without.Allocated.Average()) / 1e6:+0.0;-0.0} MB; " +
                $"difference of medians (the old figure) {(Median(with.Cpu) - Median(without.Cpu)) / baselineCpu:P1}");
        }

        foreach (Scenario timed in scenarios.Where(s => s.OwnTimes.Count > 0))
        {
            // Telemetry reads stopwatches, so it is set against the baseline's wall time; on a quiet machine wall and CPU agree.
            double baselineWall = Median(baseline.Wall);
            double[] totals = timed.OwnTimes.Select(t => t.Total.TotalMilliseconds).Order().ToArray();
            Console.WriteLine(
                $"PayloadGen's own execution time by Roslyn's telemetry in {timed.Name}: median {Median(totals):F0} ms = {Median(totals) / baselineWall:P1} of the baseline's wall median ({baselineWall:F0} ms), " +
                $"interquartile range {PairedDifference.Quantile(totals, 0.25) / baselineWall:P1} to {PairedDifference.Quantile(totals, 0.75) / baselineWall:P1}; " +
                $"generator median {Median(timed.OwnTimes.Select(t => t.Generator.TotalMilliseconds)):F0} ms, analyzers median {Median(timed.OwnTimes.Select(t => t.Analyzers.TotalMilliseconds)):F0} ms");
        }
    }

    internal const string SdkBuild = "compiler + SDK analyzers and generators (dotnet build defaults)";

    private static double Median(IEnumerable<double> samples) => PairedDifference.Quantile(samples.Order().ToArray(), 0.5);

    private static Task<int> Analyze(CompileCostBenchmarks project, DiagnosticAnalyzer analyzer) =>
        project.BuildAsync([], [analyzer], severities: null);

    /// <summary>An analyzer configured like PayloadGen's (no generated code, concurrent) whose actions do nothing.</summary>
#pragma warning disable RS1001 // Only instantiated by this probe, never loaded by a compiler.
    private sealed class Probe(Action<CompilationStartAnalysisContext> register) : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(register);
        }
    }
}
