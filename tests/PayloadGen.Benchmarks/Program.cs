using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using PayloadGen.Benchmarks.Streaming;

// 'streaming' runs the side-by-side offload/hydration comparison on s3rver (each measurement in a child process,
// 'probe', so that peak working set belongs to one scenario); '--analyzer-times' prints the analyzers' compile
// cost; '--cpu-times' the same in CPU time, with analyzers that do nothing; anything else goes to BenchmarkDotNet.
return args switch
{
    ["streaming", ..] => await StreamingComparison.RunAsync(args[1..]),
    ["probe", ..] => await StreamingProbe.RunAsync(args[1..]),
    ["--paired-rounds", string file] => PrintPairedRounds(file),
    ["--analyzer-times"] => await PrintAnalyzerTimesAsync(),
    ["--cpu-times", ..] => await PrintCpuTimesAsync(args[1..]),
    ["--per-analyzer", ..] => await PrintPerAnalyzerAsync(args[1..]),
    ["--generator-times", ..] => PrintGeneratorTimes(args[1..]),
    ["--write-sample", string directory, ..] => WriteSample(directory, args[2..]),
    ["--inline-cpu", ..] => PrintInlineCpuTimes(args[1..]),
    _ => RunBenchmarks(args),
};

static async Task<int> PrintAnalyzerTimesAsync()
{
    await new PayloadGen.Benchmarks.CompileCostBenchmarks().PrintAnalyzerTimesAsync();
    return 0;
}

// '--cpu-times [--layered] [--before path/to/PayloadGen.Generators.dll] [--compare-only] [--no-telemetry] [--rounds N]': the layered
// project adds a domain layer five times the handler code; '--before' measures another build of PayloadGen in the same
// rounds; '--compare-only' measures only the baseline and the builds with and without PayloadGen.
static async Task<int> PrintCpuTimesAsync(string[] options)
{
    if (options.Contains("--ablation"))
    {
        // '--cpu-times --ablation [--layered] [--rounds N]': PayloadGen's marginal cost taken apart (CompileCostAblation).
        await PayloadGen.Benchmarks.CompileCostAblation.PrintAsync(new PayloadGen.Benchmarks.CompileCostBenchmarks(domainModules: options.Contains("--layered") ? 200 : 0), Rounds(options));
        return 0;
    }

    if (options.Contains("--wrapper-cost"))
    {
        // '--cpu-times --wrapper-cost [--telemetry] [--rounds N]': what in the generated wrappers the SDK build pays for (WrapperCost).
        await PayloadGen.Benchmarks.WrapperCost.PrintAsync(new PayloadGen.Benchmarks.CompileCostBenchmarks(), Rounds(options), options.Contains("--telemetry"));
        return 0;
    }

    int before = System.Array.IndexOf(options, "--before");
    await PayloadGen.Benchmarks.CompileCostCpuTimes.PrintAsync(
        new PayloadGen.Benchmarks.CompileCostBenchmarks(domainModules: options.Contains("--layered") ? 200 : 0),
        before >= 0 ? PayloadGen.Benchmarks.PayloadGenComponents.Load(options[before + 1], "before") : null,
        detailed: !options.Contains("--compare-only"),
        Rounds(options),
        telemetry: !options.Contains("--no-telemetry"));
    return 0;
}

static async Task<int> PrintPerAnalyzerAsync(string[] options)
{
    await PayloadGen.Benchmarks.CompileCostCpuTimes.PrintPerAnalyzerAsync(
        new PayloadGen.Benchmarks.CompileCostBenchmarks(domainModules: options.Contains("--layered") ? 200 : 0),
        onSdkBuild: options.Contains("--sdk"),
        Rounds(options));
    return 0;
}

// '--generator-times [--before path/to/PayloadGen.Generators.dll] [--rounds N] [--export] [--implementation-outputs-off]':
// the source generator alone, a build and two keystrokes, with Roslyn's timing of each pipeline step (GeneratorCostTimes);
// '--export' turns the size-evidence export on, as in a data project; the last option runs the keystrokes as a host that
// skips implementation outputs would.
static int PrintGeneratorTimes(string[] options)
{
    int before = System.Array.IndexOf(options, "--before");
    PayloadGen.Benchmarks.GeneratorCostTimes.Print(
        new PayloadGen.Benchmarks.CompileCostBenchmarks(),
        before >= 0 ? PayloadGen.Benchmarks.PayloadGenComponents.Load(options[before + 1], "before") : null,
        Rounds(options),
        exportSizeEvidence: options.Contains("--export"),
        implementationOutputsOff: options.Contains("--implementation-outputs-off"));
    return 0;
}

// '--inline-cpu [--before <folder of another build of this project>] [--rounds N]': InlinePathBenchmarks in CPU
// time, alternating rounds; '--before' runs the other build's PayloadGen cases in the same rounds.
static int PrintInlineCpuTimes(string[] options)
{
    int before = System.Array.IndexOf(options, "--before");
    PayloadGen.Benchmarks.InlinePathCpuTimes.Print(before >= 0 ? options[before + 1] : null, options.Contains("--rounds") ? Rounds(options) : 21);
    return 0;
}

static int Rounds(string[] options) =>
    System.Array.IndexOf(options, "--rounds") is int rounds and >= 0 ? int.Parse(options[rounds + 1], System.Globalization.CultureInfo.InvariantCulture) : 5;

static int WriteSample(string directory, string[] options)
{
    PayloadGen.Benchmarks.SampleProjectWriter.Write(directory, domainModules: options.Contains("--layered") ? 200 : 0);
    return 0;
}

// '--paired-rounds FILE': the paired summary of rounds timed outside this process (csc-times.sh).
static int PrintPairedRounds(string file)
{
    PayloadGen.Benchmarks.PairedRoundsReport.Print(file);
    return 0;
}

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PayloadGen.Benchmarks.InlinePathBenchmarks).Assembly).Run(args);
    return 0;
}
