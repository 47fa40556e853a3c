using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace PayloadGen.Benchmarks;

/// <summary>One measured build of a <see cref="MeasurementPlan"/> and what each measured round of it took, in round order.</summary>
internal sealed class Scenario(string name, Func<Task<int>> run)
{
    private readonly List<OwnExecutionTime> _ownTimes = [];

    public string Name { get; } = name;

    public Func<Task<int>> Run { get; } = run;

    /// <summary>Process CPU time per round, in milliseconds; index i is round i, so two scenarios pair by index.</summary>
    public List<double> Cpu { get; } = [];

    public List<double> Wall { get; } = [];

    public List<long> Allocated { get; } = [];

    /// <summary>PayloadGen's own execution time per round, for a scenario that reports it (<see cref="MeasurementPlan.AddOwnTime"/>).</summary>
    public IReadOnlyList<OwnExecutionTime> OwnTimes => _ownTimes;

    /// <summary>Set by the last run of a scenario that reports PayloadGen's own time; recorded with the round's measurement.</summary>
    public OwnExecutionTime? LastOwnTime { get; set; }

    public void Record(double cpuMilliseconds, double wallMilliseconds, long allocatedBytes)
    {
        Cpu.Add(cpuMilliseconds);
        Wall.Add(wallMilliseconds);
        Allocated.Add(allocatedBytes);
        if (LastOwnTime is OwnExecutionTime own)
        {
            _ownTimes.Add(own);
        }
    }
}
