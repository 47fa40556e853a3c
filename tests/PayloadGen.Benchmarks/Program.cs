using BenchmarkDotNet.Running;

if (args is ["--analyzer-times"])
{
    await new PayloadGen.Benchmarks.CompileCostBenchmarks().PrintAnalyzerTimesAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PayloadGen.Benchmarks.InlinePathBenchmarks).Assembly).Run(args);
