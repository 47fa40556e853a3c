using System;

namespace PayloadGen.Benchmarks;

/// <summary>How long PayloadGen's own code ran in one build, by Roslyn's telemetry (<see cref="CompileCostBenchmarks.OwnExecutionTimeAsync"/>).</summary>
/// <param name="Generator">The generator driver's time for PayloadGen's generator (its pipeline, syntax filter included).</param>
/// <param name="Analyzers">The analyzer driver's time inside PayloadGen's analyzers' actions, summed over its analyzers.</param>
internal readonly record struct OwnExecutionTime(TimeSpan Generator, TimeSpan Analyzers)
{
    public TimeSpan Total => Generator + Analyzers;
}
