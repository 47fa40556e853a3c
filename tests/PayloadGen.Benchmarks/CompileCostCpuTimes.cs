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

    public static async Task PrintAsync(CompileCostBenchmarks project, int runs = 5)
    {
        project.Setup();
        var scenarios = new List<(string Name, Func<Task> Run)>
        {
            ("compiler GetDiagnostics() (baseline)", () => Task.FromResult(project.Compile())),
            ("compiler, wrappers pre-generated", () => Task.FromResult(project.CompilePreGenerated())),
            ("compiler + PayloadGen generator", () => Task.FromResult(project.CompileWithGenerator())),
            ("compiler + PayloadGen generator + analyzers", project.CompileWithPayloadGen),
            ("compiler + no-op analyzer: compilation-start action only", () => Analyze(project, new Probe(_ => { }))),
            ("compiler + no-op analyzer: symbol action (NamedType, Method)", () => Analyze(project, new Probe(start => start.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType, SymbolKind.Method)))),
            ("compiler + no-op analyzer: syntax node action (InvocationExpression)", () => Analyze(project, new Probe(start => start.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.InvocationExpression)))),
            ("compiler + no-op analyzer: operation action (Invocation)", () => Analyze(project, new Probe(start => start.RegisterOperationAction(static _ => { }, OperationKind.Invocation)))),
            ("compiler + no-op analyzer: operation block action", () => Analyze(project, new Probe(start => start.RegisterOperationBlockAction(static _ => { })))),
        };

        // Every scenario shares the referenced assemblies' symbols, which fill lazily, and the JIT's tiers: warm them all
        // first, then measure round-robin so that the machine's load falls on every scenario alike.
        for (int warmUp = 0; warmUp < 2; warmUp++)
        {
            foreach ((_, Func<Task> run) in scenarios)
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
    }

    private static double Median(List<double> samples) => samples.OrderBy(s => s).ElementAt(samples.Count / 2);

    private static Task<ImmutableArray<Diagnostic>> Analyze(CompileCostBenchmarks project, DiagnosticAnalyzer analyzer) =>
        project.NewCompilation().WithAnalyzers(
            [analyzer],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync(CancellationToken.None);

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
