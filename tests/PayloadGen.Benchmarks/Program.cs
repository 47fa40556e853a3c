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
    ["--analyzer-times"] => await PrintAnalyzerTimesAsync(),
    ["--cpu-times"] => await PrintCpuTimesAsync(),
    _ => RunBenchmarks(args),
};

static async Task<int> PrintAnalyzerTimesAsync()
{
    await new PayloadGen.Benchmarks.CompileCostBenchmarks().PrintAnalyzerTimesAsync();
    return 0;
}

static async Task<int> PrintCpuTimesAsync()
{
    await PayloadGen.Benchmarks.CompileCostCpuTimes.PrintAsync(new PayloadGen.Benchmarks.CompileCostBenchmarks());
    return 0;
}

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PayloadGen.Benchmarks.InlinePathBenchmarks).Assembly).Run(args);
    return 0;
}
