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
    public static async Task PrintAsync(CompileCostBenchmarks project, PayloadGenComponents? before, bool detailed, int runs)
    {
        project.Setup();
        SdkBuildAnalyzers sdk = SdkBuildAnalyzers.Load();
        await MeasureAsync(Scenarios(project, sdk, before, detailed), runs);
    }

    /// <summary>
    /// Each PayloadGen analyzer alone, after the generator, next to a no-op analyzer: what each one costs in CPU time
    /// (Roslyn's telemetry times actions, not the driver's work for them, and charges shared binding to whoever asks first).
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
        var scenarios = new List<(string Name, Func<Task<int>> Run)>
        {
            ("compiler GetDiagnostics() (baseline)", () => Task.FromResult(project.Compile())),
            ($"{on} + no-op analyzer (compilation-start action only)", Build([new Probe(_ => { })])),
            ($"{on} + analyzers", Build(current.Analyzers)),
        };
        foreach (DiagnosticAnalyzer analyzer in current.Analyzers)
        {
            scenarios.Add(($"{on} + {analyzer.GetType().Name}", Build([analyzer])));
            if (analyzer is RuleGroupAnalyzer group)
            {
                // Each rule loaded alone, as the compiler loaded them before the groups: the driver's cost per analyzer.
                scenarios.Add(($"{on} + the {group.Rules.Length} rules of {analyzer.GetType().Name}, each its own analyzer", Build(group.Rules)));
                foreach (DiagnosticAnalyzer rule in group.Rules)
                {
                    scenarios.Add(($"{on} + {rule.GetType().Name} alone", Build([rule])));
                }
            }
        }

        await MeasureAsync(scenarios, runs);
    }

    private static List<(string Name, Func<Task<int>> Run)> Scenarios(CompileCostBenchmarks project, SdkBuildAnalyzers sdk, PayloadGenComponents? before, bool detailed)
    {
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
        var scenarios = new List<(string Name, Func<Task<int>> Run)> { ("compiler GetDiagnostics() (baseline)", () => Task.FromResult(project.Compile())) };
        if (detailed)
        {
            scenarios.Add(("compiler, wrappers pre-generated", () => Task.FromResult(project.CompilePreGenerated())));
            scenarios.Add(("compiler + PayloadGen generator", () => Task.FromResult(project.CompileWithGenerator())));
        }

        foreach (PayloadGenComponents payloadGen in compared)
        {
            scenarios.Add(($"compiler + PayloadGen generator + analyzers ({payloadGen.Name}: {payloadGen.Analyzers.Length} analyzers)", () => project.BuildAsync(payloadGen.Generators, payloadGen.Analyzers, severities: null)));
        }

        scenarios.Add((SdkBuild, () => project.BuildAsync(sdk.Generators, sdk.Analyzers, sdk.Severities)));
        foreach (PayloadGenComponents payloadGen in compared)
        {
            scenarios.Add(($"{SdkBuild} + PayloadGen ({payloadGen.Name})", () => project.BuildAsync(sdk.Generators.AddRange(payloadGen.Generators), sdk.Analyzers.AddRange(payloadGen.Analyzers), sdk.Severities)));
        }

        if (detailed)
        {
            scenarios.AddRange(
            [
                ("compiler + no-op analyzer: compilation-start action only", () => Analyze(project, new Probe(_ => { }))),
                ("compiler + no-op analyzer: symbol action (NamedType, Method)", () => Analyze(project, new Probe(start => start.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType, SymbolKind.Method)))),
                ("compiler + no-op analyzer: syntax node action (InvocationExpression)", () => Analyze(project, new Probe(start => start.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.InvocationExpression)))),
                ("compiler + no-op analyzer: operation action (Invocation)", () => Analyze(project, new Probe(start => start.RegisterOperationAction(static _ => { }, OperationKind.Invocation)))),
                ("compiler + no-op analyzer: operation block action", () => Analyze(project, new Probe(start => start.RegisterOperationBlockAction(static _ => { })))),
            ]);
        }

        return scenarios;
    }

    private static async Task MeasureAsync(List<(string Name, Func<Task<int>> Run)> scenarios, int runs)
    {
        foreach ((string name, Func<Task<int>> run) in scenarios)
        {
            Console.WriteLine($"// {name}: {await run()} diagnostics");
        }

        // Every scenario shares the referenced assemblies' symbols, which fill lazily, and the JIT's tiers: warm them all
        // first, then measure round-robin so that the machine's load falls on every scenario alike.
        for (int warmUp = 0; warmUp < 2; warmUp++)
        {
            foreach ((_, Func<Task<int>> run) in scenarios)
            {
                await run();
            }
        }

        using Process self = Process.GetCurrentProcess();
        var cpu = scenarios.Select(_ => new List<double>()).ToArray();
        var wall = scenarios.Select(_ => new List<double>()).ToArray();
        var allocated = scenarios.Select(_ => new List<long>()).ToArray();
        for (int round = 0; round < runs; round++)
        {
            for (int i = 0; i < scenarios.Count; i++)
            {
                GC.Collect();
                self.Refresh();
                TimeSpan cpuBefore = self.TotalProcessorTime;
                long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                await scenarios[i].Run();
                wall[i].Add(clock.Elapsed.TotalMilliseconds);
                self.Refresh();
                cpu[i].Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                allocated[i].Add(GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
            }
        }

        double baseline = Median(cpu[0]);
        for (int i = 0; i < scenarios.Count; i++)
        {
            Console.WriteLine(
                $"{scenarios[i].Name}: CPU median {Median(cpu[i]):F0} ms ({Median(cpu[i]) / baseline:F3}×), min {cpu[i].Min():F0}, max {cpu[i].Max():F0} of {runs} rounds; " +
                $"wall median {Median(wall[i]):F0} ms; allocated {allocated[i].Average() / 1e6:F1} MB");
        }

        // PayloadGen's marginal share of a real build: what it adds on top of the SDK's own analyzers and generators,
        // as a share of the compiler's own diagnostics.
        int sdkIndex = scenarios.FindIndex(s => s.Name == SdkBuild);
        for (int i = sdkIndex + 1; sdkIndex >= 0 && i < scenarios.Count && scenarios[i].Name.StartsWith(SdkBuild, StringComparison.Ordinal); i++)
        {
            Console.WriteLine($"marginal share, {scenarios[i].Name}: {(Median(cpu[i]) - Median(cpu[sdkIndex])) / baseline:P1} of the baseline");
        }
    }

    private const string SdkBuild = "compiler + SDK analyzers and generators (dotnet build defaults)";

    private static double Median(List<double> samples) => samples.OrderBy(s => s).ElementAt(samples.Count / 2);

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
