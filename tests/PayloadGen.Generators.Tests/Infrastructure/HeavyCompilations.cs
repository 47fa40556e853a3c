using Xunit;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// Tests that compile and analyse thousands of handlers: run on their own, after the parallel ones, so that the CPU they
/// take never shortens the deadlines of the compile-and-run tests that measure one (a 700 ms Lambda deadline).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyCompilations
{
    public const string Name = "Heavy compilations";
}
