using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// <c>--pin</c>: s3rver on CPU 0 and every probe (the baseline and PayloadGen alike) on the other CPUs, with
/// <c>taskset</c>. It models a Lambda function, whose S3 does not run on the function's cores: unpinned, the
/// single-threaded server and the probe share two cores, and whatever CPU a scenario spends beside its upload (the
/// serialization the baseline's pre-serialized bytes never pay) slows the server down as well.
/// </summary>
/// <remarks>
/// A probe is started under <c>taskset</c>, so the affinity is set before the runtime starts and every thread
/// inherits it. The server is one process for the whole run: before each probe all its threads (<c>taskset -a -p</c>)
/// get the affinity of that probe's mode, so pinned and unpinned probes can alternate in the same rounds.
/// </remarks>
internal static class CorePinning
{
    /// <summary>The CPU s3rver runs on when pinned.</summary>
    public const string ServerCpus = "0";

    /// <summary>The CPUs a pinned probe runs on: all but the server's.</summary>
    public static string ProbeCpus => Environment.ProcessorCount == 2 ? "1" : "1-" + (Environment.ProcessorCount - 1).ToString(CultureInfo.InvariantCulture);

    private static string AllCpus => "0-" + (Environment.ProcessorCount - 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Refuses a pinned run where it cannot separate the server from the probe.</summary>
    public static void EnsurePossible()
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessorCount < 2)
        {
            throw new InvalidOperationException($"--pin needs Linux and at least 2 CPUs (taskset); this machine has {Environment.ProcessorCount}.");
        }
    }

    /// <summary>Gives every thread of the server CPU 0 alone (<paramref name="pinned"/>) or every CPU.</summary>
    public static async Task SetServerAsync(int serverProcessId, bool pinned)
    {
        var start = new ProcessStartInfo("taskset") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "-a", "-p", "-c", pinned ? ServerCpus : AllCpus, serverProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using Process taskset = Process.Start(start)!;
        string error = await taskset.StandardError.ReadToEndAsync();
        await taskset.StandardOutput.ReadToEndAsync();
        await taskset.WaitForExitAsync();
        if (taskset.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskset could not set s3rver's CPUs ({taskset.ExitCode}): {error}");
        }
    }

    /// <summary>
    /// Starts <paramref name="start"/>'s program through <c>taskset -c</c> on the probe CPUs instead, with the tiered
    /// JIT's single-CPU delay multiplier at 1.
    /// </summary>
    /// <remarks>
    /// On one CPU the runtime multiplies the tiering delay (100 ms, restarted by every method compiled at tier 0) by
    /// ten: the probe's warm-up rounds, each compiling a method or two, kept restarting it, so its measurement ran
    /// half-promoted code with call-counting stubs (about 1.0–1.45 s of CPU for a 200 MiB sequence against 0.65 s, and
    /// 0.34 s against 0.25 s for the baseline's). A warm process, with idle time between invocations, has promoted it.
    /// </remarks>
    public static void RunOnProbeCpus(ProcessStartInfo start)
    {
        start.Environment["DOTNET_TC_DelaySingleProcMultiplier"] = "1";
        string program = start.FileName;
        start.FileName = "taskset";
        start.ArgumentList.Insert(0, program);
        start.ArgumentList.Insert(0, ProbeCpus);
        start.ArgumentList.Insert(0, "-c");
    }
}
