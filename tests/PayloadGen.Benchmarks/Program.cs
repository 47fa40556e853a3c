using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PayloadGen.Benchmarks.InlinePathBenchmarks).Assembly).Run(args);
