using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace PayloadGen.Benchmarks;

/// <summary>
/// What one <c>--cpu-times</c> or <c>--per-analyzer</c> run measures: the scenarios, in the order each round runs them
/// (the first is the baseline), and the pairs whose per-round difference it reports (<see cref="PairedDifference"/>).
/// </summary>
internal sealed class MeasurementPlan
{
    private readonly List<Scenario> _scenarios = [];
    private readonly List<(string Name, Scenario With, Scenario Without)> _comparisons = [];

    public IReadOnlyList<Scenario> Scenarios => _scenarios;

    public IReadOnlyList<(string Name, Scenario With, Scenario Without)> Comparisons => _comparisons;

    /// <param name="run">One build; returns its diagnostic count, printed once as a check that it did the work.</param>
    public Scenario Add(string name, Func<Task<int>> run)
    {
        var scenario = new Scenario(name, run);
        _scenarios.Add(scenario);
        return scenario;
    }

    /// <summary>A build that also reports PayloadGen's own execution time, kept per measured round.</summary>
    public Scenario AddOwnTime(string name, Func<Task<OwnExecutionTime>> run)
    {
        Scenario? scenario = null;
        scenario = Add(name, async () =>
        {
            OwnExecutionTime own = await run();
            scenario!.LastOwnTime = own;
            return own.Diagnostics;
        });
        return scenario;
    }

    /// <summary>Reports <paramref name="with"/> − <paramref name="without"/> from their per-round CPU times.</summary>
    public void Compare(string name, Scenario with, Scenario without) => _comparisons.Add((name, with, without));
}
