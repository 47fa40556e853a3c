using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Analyzers.Tests.Infrastructure;

namespace PayloadGen.Benchmarks;

/// <summary>
/// What PayloadGen adds to a build: the generator and every analyzer on a synthetic 200-handler Lambda project,
/// against the compiler's own <see cref="Compilation.GetDiagnostics"/> on the same sources (the baseline). Each
/// operation starts from a fresh compilation of pre-parsed trees, as a command-line build does; warm (JIT and
/// metadata caches) after BenchmarkDotNet's warm-up. Single-threaded on both sides (no concurrent build, no concurrent
/// analysis) so that the ratio does not depend on free cores. Not run in CI: <c>docs/performance.md</c> has the command.
/// </summary>
[MemoryDiagnoser]
public class CompileCostBenchmarks
{
    private const int Handlers = 200;

    private readonly int _domainModules;
    private ImmutableArray<SyntaxTree> _trees;
    private ImmutableArray<SyntaxTree> _generatedTrees;
    private ImmutableArray<MetadataReference> _references;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private ImmutableArray<ISourceGenerator> _generators;
    private CSharpParseOptions _parseOptions = CSharpParseOptions.Default;
    private readonly AnalyzerConfigOptionsProvider _buildOptions = new BuildPropertiesProvider(SdkBuildAnalyzers.BuildProperties);

    public CompileCostBenchmarks()
        : this(domainModules: 0)
    {
    }

    /// <param name="domainModules">
    /// <see cref="SyntheticDomainLayer"/> modules added to the 200 handlers (0: handlers only; 200: about five times the
    /// handler code, as in a solution where the handlers are the thin edge of a service).
    /// </param>
    internal CompileCostBenchmarks(int domainModules) => _domainModules = domainModules;

    [GlobalSetup]
    public void Setup()
    {
        _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _trees = SyntheticLambdaProject.Sources(Handlers).Concat(SyntheticDomainLayer.Sources(_domainModules))
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, _parseOptions, s.Path))
            .ToImmutableArray();
        var framework = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();
        _references = framework
            .Add(MetadataReference.CreateFromFile(typeof(ClaimCheckAttribute).Assembly.Location))
            .Add(CompileShapes(framework));

        _analyzers = PayloadGenComponents.Current.Analyzers;
        _generators = PayloadGenComponents.Current.Generators;

        // The benchmark is only meaningful on a project that compiles and that PayloadGen has work to do in.
        Compilation compiled = NewCompilation();
        Diagnostic[] errors = compiled.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The synthetic project does not compile: " + string.Join(Environment.NewLine, errors.Take(5)));
        }

        _generatedTrees = RunGenerators(compiled).SyntaxTrees.Except(_trees).ToImmutableArray();
        int reported = CompileWithPayloadGen().GetAwaiter().GetResult();
        Console.WriteLine(
            $"// synthetic project: {Handlers} handlers and {_domainModules} domain modules in {_trees.Length} files, {Lines(_trees)} lines; " +
            $"generated: {_generatedTrees.Length} files, {Lines(_generatedTrees)} lines; {_analyzers.Length} analyzers, {_generators.Length} generators; " +
            $"{reported} diagnostics with PayloadGen");
    }

    [Benchmark(Baseline = true, Description = "compiler: GetDiagnostics()")]
    public int Compile() => NewCompilation().GetDiagnostics().Length;

    /// <summary>The project with the wrappers already generated: what compiling the generated code itself costs.</summary>
    [Benchmark(Description = "compiler, wrappers pre-generated")]
    public int CompilePreGenerated() => NewCompilation().AddSyntaxTrees(_generatedTrees).GetDiagnostics().Length;

    [Benchmark(Description = "compiler + PayloadGen generator")]
    public int CompileWithGenerator() => RunGenerators(NewCompilation()).GetDiagnostics().Length;

    [Benchmark(Description = "compiler + PayloadGen generator + analyzers")]
    public Task<int> CompileWithPayloadGen() => BuildAsync(_generators, _analyzers, severities: null);

    /// <summary>
    /// A build: the generators, then the compiler's and the analyzers' diagnostics, with the build properties the SDK
    /// passes and, when given, the analysis-level severities (as the SDK's global config sets them).
    /// </summary>
    /// <param name="addedSources">Trees added to the project's own before the generators run (the wrappers written by hand, for instance).</param>
    internal async Task<int> BuildAsync(ImmutableArray<ISourceGenerator> generators, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableDictionary<string, ReportDiagnostic>? severities, ImmutableArray<SyntaxTree> addedSources = default) =>
        (await RunBuildAsync(generators, analyzers, severities, logExecutionTime: false, addedSources)).Diagnostics.Length;

    /// <summary>
    /// The same build as <see cref="BuildAsync"/> with Roslyn's execution-time telemetry on, and how long the code of
    /// <paramref name="measured"/> ran in it by that telemetry: its generators' time as the generator driver reports it
    /// (<see cref="GeneratorDriver.GetTimingInfo"/>) and its analyzers' action time
    /// (<see cref="AnalysisResult.AnalyzerTelemetryInfo"/>). Both are wall-clock stopwatch readings
    /// inside the compiler; docs/performance.md says what they leave out.
    /// </summary>
    internal async Task<OwnExecutionTime> OwnExecutionTimeAsync(ImmutableArray<ISourceGenerator> generators, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableDictionary<string, ReportDiagnostic>? severities, PayloadGenComponents measured)
    {
        BuildRun run = await RunBuildAsync(generators, analyzers, severities, logExecutionTime: true);
        TimeSpan generatorTime = TimeSpan.Zero;
        foreach (GeneratorTimingInfo timing in run.Driver?.GetTimingInfo().GeneratorTimes ?? [])
        {
            if (measured.Generators.Contains(timing.Generator))
            {
                generatorTime += timing.ElapsedTime;
            }
        }

        TimeSpan analyzerTime = TimeSpan.Zero;
        foreach (DiagnosticAnalyzer analyzer in measured.Analyzers.Where(analyzers.Contains))
        {
            analyzerTime += run.Result!.AnalyzerTelemetryInfo[analyzer].ExecutionTime;
        }

        return new OwnExecutionTime(generatorTime, analyzerTime, run.Diagnostics.Length);
    }

    /// <summary>Every analyzer's own execution time in one build (Roslyn's telemetry), with <paramref name="addedSources"/> added to the project.</summary>
    internal async Task<ImmutableDictionary<DiagnosticAnalyzer, TimeSpan>> AnalyzerTimesAsync(ImmutableArray<ISourceGenerator> generators, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableDictionary<string, ReportDiagnostic>? severities, ImmutableArray<SyntaxTree> addedSources)
    {
        BuildRun run = await RunBuildAsync(generators, analyzers, severities, logExecutionTime: true, addedSources);
        return analyzers.ToImmutableDictionary(a => a, a => run.Result!.AnalyzerTelemetryInfo[a].ExecutionTime);
    }

    private async Task<BuildRun> RunBuildAsync(ImmutableArray<ISourceGenerator> generators, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableDictionary<string, ReportDiagnostic>? severities, bool logExecutionTime, ImmutableArray<SyntaxTree> addedSources = default)
    {
        CSharpCompilation compilation = addedSources.IsDefaultOrEmpty ? NewCompilation() : NewCompilation().AddSyntaxTrees(addedSources);
        if (severities is not null)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(severities));
        }

        Compilation generated = compilation;
        GeneratorDriver? driver = null;
        if (!generators.IsEmpty)
        {
            driver = CSharpGeneratorDriver.Create(generators, [], _parseOptions, _buildOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out generated, out _);
        }

        if (analyzers.IsEmpty)
        {
            return new BuildRun(generated.GetDiagnostics(), driver, Analysis: null);
        }

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], _buildOptions),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: logExecutionTime);
        CompilationWithAnalyzers analysis = generated.WithAnalyzers(analyzers, options);
        if (!logExecutionTime)
        {
            return new BuildRun(await analysis.GetAllDiagnosticsAsync(CancellationToken.None), driver, analysis);
        }

        // GetAllDiagnosticsAsync runs a driver of its own whose telemetry is not kept (it reads zero); the analysis
        // result keeps it. It still compiles the whole project, since the analyzers' events come from the compiler.
        AnalysisResult result = await analysis.GetAnalysisResultAsync(CancellationToken.None);
        return new BuildRun(result.GetAllDiagnostics(), driver, analysis, result);
    }

    /// <summary>
    /// Where PayloadGen's share goes: the generator's run time and each analyzer's own execution time (Roslyn's telemetry)
    /// on the same project,
    /// after <paramref name="warmUps"/> unmeasured runs. Not a benchmark: <c>dotnet run -c Release -- --analyzer-times</c>.
    /// </summary>
    public async Task PrintAnalyzerTimesAsync(int warmUps = 2)
    {
        Setup();
        for (int run = 0; run <= warmUps; run++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            BuildRun build = await RunBuildAsync(_generators, _analyzers, severities: null, logExecutionTime: true);
            if (run < warmUps)
            {
                continue;
            }

            foreach (GeneratorTimingInfo generator in build.Driver!.GetTimingInfo().GeneratorTimes)
            {
                Console.WriteLine($"generator {generator.Generator.GetGeneratorType().Name}: {generator.ElapsedTime.TotalMilliseconds:F0} ms");
            }

            Console.WriteLine($"build with generator and analyzers (compiler binding included): {clock.Elapsed.TotalMilliseconds:F0} ms");
            foreach (DiagnosticAnalyzer analyzer in _analyzers)
            {
                Console.WriteLine($"  {analyzer.GetType().Name}: {build.Result!.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds:F0} ms");
            }
        }
    }

    /// <summary>The parse options of the synthetic project's trees.</summary>
    internal CSharpParseOptions ParseOptions => _parseOptions;

    /// <summary>The build properties the SDK passes to generators and analyzers.</summary>
    internal AnalyzerConfigOptionsProvider BuildOptions => _buildOptions;

    /// <summary>The wrappers the generator writes for the project, as it adds them (<c>*.g.cs</c>, <c>&lt;auto-generated/&gt;</c>, <c>[GeneratedCode]</c>).</summary>
    internal ImmutableArray<SyntaxTree> GeneratedTrees => _generatedTrees;

    /// <summary>Every PayloadGen analyzer, as <see cref="Setup"/> found them.</summary>
    internal ImmutableArray<DiagnosticAnalyzer> Analyzers => _analyzers;

    /// <summary>A fresh compilation of the synthetic project (no generated sources).</summary>
    internal CSharpCompilation NewCompilation() => CSharpCompilation.Create(
        "Synthetic.Functions",
        _trees,
        _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    private Compilation RunGenerators(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(_generators, [], _parseOptions, _buildOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        return generated;
    }

    private static int Lines(ImmutableArray<SyntaxTree> trees) => trees.Sum(t => t.GetText().Lines.Count);

    /// <summary>One build's diagnostics, with the generator driver that ran (if any) and the analysis (if any analyzers ran).</summary>
    private sealed record BuildRun(ImmutableArray<Diagnostic> Diagnostics, GeneratorDriver? Driver, CompilationWithAnalyzers? Analysis, AnalysisResult? Result = null);

    /// <summary>The AWS contract types, shared with the analyzer tests (the Amazon.Lambda packages are not served here).</summary>
    private static PortableExecutableReference CompileShapes(ImmutableArray<MetadataReference> framework)
    {
        CSharpCompilation shapes = CSharpCompilation.Create(
            "Amazon.Lambda.Shapes",
            [CSharpSyntaxTree.ParseText(AwsShapes.Source)],
            framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        if (!shapes.Emit(image).Success)
        {
            throw new InvalidOperationException("AWS shapes do not compile");
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
