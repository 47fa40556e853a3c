using System;

namespace PayloadGen.Benchmarks;

/// <summary>How long PayloadGen's own code ran in one build, by Roslyn's telemetry (<see cref="CompileCostBenchmarks.OwnExecutionTimeAsync"/>).</summary>
/// <param name="Generator">The generator driver's time for PayloadGen's generator (its pipeline, syntax filter included).</param>
/// <param name="Analyzers">The analyzer driver's time inside PayloadGen's analyzers' actions, summed over its analyzers.</param>
/// <param name="Diagnostics">How many analyzer diagnostics the build reported, as a check that it did the work.</param>
internal readonly record struct OwnExecutionTime(TimeSpan Generator, TimeSpan Analyzers, int Diagnostics)
{
    public TimeSpan Total => Generator + Analyzers;
}
