using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Benchmarks;

/// <summary>
/// The source generator alone, in process CPU time and allocations, on the synthetic project: a build (a fresh driver on
/// a fresh compilation, as <c>csc</c> runs it) and two IDE keystrokes (the same driver run again after an edit to a file
/// without handlers, and after an edit inside a handler's body; with every output on, as Visual Studio and VS Code run
/// generators today, or with implementation outputs off, as a host may that honours them), each
/// for this build of PayloadGen and, with
/// <c>--before</c>, an older one measured in the same rounds. Then where a build's time goes: Roslyn's own timing of
/// each tracked pipeline step (its own work only, not its inputs'), summed over the rounds. Not a benchmark:
/// <c>dotnet run -c Release -- --generator-times [--before old/PayloadGen.Generators.dll] [--rounds N] [--export]
/// [--implementation-outputs-off]</c>.
/// </summary>
internal static class GeneratorCostTimes
{
    private const string ExportProperty = "build_property.PayloadGenExportSizeEvidence";

    /// <summary>Edited in a keystroke: a method body in a file with no handler (every file of the synthetic project has some, so one is added).</summary>
    private const string UnrelatedEdit = "unrelated file edited";

    private const string UnrelatedFile = """
        namespace Synthetic.Clock
        {
            public static class Ticks
            {
                public static int Now() { return 1; }
            }
        }
        """;

    /// <summary>Edited in a keystroke: a statement inside the body of a <c>[ClaimCheck]</c> handler; its shape is unchanged.</summary>
    private const string HandlerBodyEdit = "handler body edited";

    /// <param name="exportSizeEvidence">
    /// Whether the build turns the size-evidence export on (<c>PayloadGenExportSizeEvidence=true</c>), as a data project's
    /// does by default: what the export costs where it runs.
    /// </param>
    /// <param name="implementationOutputsOff">
    /// Whether the keystrokes run with implementation outputs off: what an IDE that honours them would run. Roslyn's IDE
    /// hosts run them today (dotnet/roslyn#77288).
    /// </param>
    public static void Print(CompileCostBenchmarks project, PayloadGenComponents? before, int rounds, bool exportSizeEvidence, bool implementationOutputsOff)
    {
        IncrementalGeneratorOutputKind keystrokeDisabledOutputs = implementationOutputsOff ? IncrementalGeneratorOutputKind.Implementation : IncrementalGeneratorOutputKind.None;
        project.Setup();
        AnalyzerConfigOptionsProvider buildOptions = exportSizeEvidence
            ? new BuildPropertiesProvider(new Dictionary<string, string>(SdkBuildAnalyzers.BuildProperties) { [ExportProperty] = "true" })
            : project.BuildOptions;
        var compared = new List<PayloadGenComponents>();
        if (before is not null)
        {
            compared.Add(before);
        }

        compared.Add(PayloadGenComponents.Current);
        CSharpCompilation compilation = project.NewCompilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText(UnrelatedFile, project.ParseOptions, "Clock.cs"));
        (SyntaxTree unrelatedOld, SyntaxTree unrelatedNew) = EditedTree(compilation, "return 1;");
        (SyntaxTree handlerOld, SyntaxTree handlerNew) = EditedTree(compilation, "await _db.SaveChangesAsync");
        Console.WriteLine($"// keystrokes: {unrelatedOld.FilePath} ({UnrelatedEdit}), {handlerOld.FilePath} ({HandlerBodyEdit})");

        // Each scenario prepares its run untimed, then runs it timed.
        var scenarios = new List<(string Name, Func<Func<GeneratorDriver>> Prepare)>();
        foreach (PayloadGenComponents components in compared)
        {
            scenarios.Add(($"build: fresh driver, fresh compilation ({components.Name})", () => Build(project, components, buildOptions)));
            foreach ((string edit, SyntaxTree oldTree, SyntaxTree newTree) in new[] { (UnrelatedEdit, unrelatedOld, unrelatedNew), (HandlerBodyEdit, handlerOld, handlerNew) })
            {
                // The driver has run once on the unedited compilation, as in an IDE before the keystroke; only the rerun is timed.
                Func<GeneratorDriver> keystroke = Keystroke(project, components, buildOptions, keystrokeDisabledOutputs, compilation, oldTree, newTree);
                scenarios.Add(($"keystroke: {edit} ({components.Name})", () => keystroke));
            }
        }

        foreach ((string name, Func<Func<GeneratorDriver>> prepare) in scenarios)
        {
            GeneratorRunResult result = prepare()().GetRunResult().Results.Single();
            Console.WriteLine($"// {name}: {result.GeneratedSources.Length} sources, {result.Diagnostics.Length} diagnostics");
        }

        for (int warmUp = 0; warmUp < 2; warmUp++)
        {
            scenarios.ForEach(scenario => scenario.Prepare()());
        }

        using Process self = Process.GetCurrentProcess();
        var cpu = scenarios.Select(_ => new List<double>()).ToArray();
        var allocated = scenarios.Select(_ => new List<long>()).ToArray();
        var steps = scenarios.Select(_ => new Dictionary<string, TimeSpan>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < scenarios.Count; i++)
            {
                Func<GeneratorDriver> run = scenarios[i].Prepare();
                GC.Collect();
                self.Refresh();
                TimeSpan cpuBefore = self.TotalProcessorTime;
                long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                GeneratorDriver driver = run();
                self.Refresh();
                cpu[i].Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                allocated[i].Add(GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
                AddStepTimes(driver.GetRunResult().Results.Single(), steps[i]);
            }
        }

        for (int i = 0; i < scenarios.Count; i++)
        {
            List<double> samples = cpu[i].OrderBy(s => s).ToList();
            Console.WriteLine(
                $"{scenarios[i].Name}: CPU median {samples[samples.Count / 2]:F1} ms, min {samples[0]:F1}, max {samples[^1]:F1} of {rounds} rounds; " +
                $"allocated {allocated[i].Average() / 1e6:F2} MB");
            foreach ((string step, TimeSpan total) in steps[i].OrderByDescending(pair => pair.Value))
            {
                Console.WriteLine($"    {step}: {total.TotalMilliseconds / rounds:F2} ms per run");
            }
        }
    }

    /// <summary>
    /// A build's run: a fresh driver on a fresh compilation whose references are already bound, since the compiler binds
    /// them for its own diagnostics anyway and the compilation with the generated sources reuses them.
    /// </summary>
    private static Func<GeneratorDriver> Build(CompileCostBenchmarks project, PayloadGenComponents components, AnalyzerConfigOptionsProvider buildOptions)
    {
        CSharpCompilation compilation = project.NewCompilation();
        _ = compilation.Assembly;
        CSharpGeneratorDriver driver = Driver(project, components, buildOptions, IncrementalGeneratorOutputKind.None);
        return () => driver.RunGenerators(compilation);
    }

    /// <param name="disabledOutputs">
    /// None for a build; <see cref="IncrementalGeneratorOutputKind.Implementation"/> for a host that skips implementation
    /// outputs.
    /// </param>
    private static CSharpGeneratorDriver Driver(CompileCostBenchmarks project, PayloadGenComponents components, AnalyzerConfigOptionsProvider buildOptions, IncrementalGeneratorOutputKind disabledOutputs) => CSharpGeneratorDriver.Create(
        components.Generators,
        [],
        project.ParseOptions,
        buildOptions,
        new GeneratorDriverOptions(disabledOutputs, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// A rerun after an edit, from a driver that has seen the compilation before it: each run swaps the edited tree for
    /// the other version, so every measured run follows an edit and sees a new compilation whose symbols are not bound
    /// yet, as an IDE's does after a keystroke.
    /// </summary>
    private static Func<GeneratorDriver> Keystroke(CompileCostBenchmarks project, PayloadGenComponents components, AnalyzerConfigOptionsProvider buildOptions, IncrementalGeneratorOutputKind disabledOutputs, CSharpCompilation original, SyntaxTree oldTree, SyntaxTree newTree)
    {
        CSharpCompilation current = original;
        GeneratorDriver driver = Driver(project, components, buildOptions, disabledOutputs).RunGenerators(current);
        SyntaxTree present = oldTree;
        SyntaxTree other = newTree;
        return () =>
        {
            current = current.ReplaceSyntaxTree(present, other);
            (present, other) = (other, present);
            driver = driver.RunGenerators(current);
            return driver;
        };
    }

    /// <summary>
    /// The first tree holding <paramref name="statement"/>, and the same with that statement's expression in parentheses
    /// (<c>return 1;</c> becomes <c>return (1);</c>): the same method, the same shape, another body.
    /// </summary>
    private static (SyntaxTree Old, SyntaxTree New) EditedTree(CSharpCompilation compilation, string statement)
    {
        SyntaxTree tree = compilation.SyntaxTrees.First(t => t.ToString().Contains(statement, StringComparison.Ordinal));
        string text = tree.ToString();
        int keywordEnd = text.IndexOf(statement, StringComparison.Ordinal) + statement.IndexOf(' ', StringComparison.Ordinal) + 1;
        int end = text.IndexOf(';', keywordEnd);
        string edited = text[..keywordEnd] + "(" + text[keywordEnd..end] + ")" + text[end..];
        return (tree, CSharpSyntaxTree.ParseText(edited, (CSharpParseOptions)tree.Options, tree.FilePath));
    }

    private static void AddStepTimes(GeneratorRunResult result, Dictionary<string, TimeSpan> totals)
    {
        foreach ((string name, ImmutableArray<IncrementalGeneratorRunStep> runs) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
        {
            TimeSpan elapsed = runs.Aggregate(TimeSpan.Zero, (sum, step) => sum + step.ElapsedTime);
            totals[name] = totals.TryGetValue(name, out TimeSpan total) ? total + elapsed : elapsed;
        }
    }
}
