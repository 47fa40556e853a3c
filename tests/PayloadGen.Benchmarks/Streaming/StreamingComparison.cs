using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// Offload and hydration of large payloads, side by side in one run on s3rver, each measurement in its own child
/// process (<see cref="StreamingProbe"/>): time against <c>TransferUtility.UploadAsync</c> of the same bytes already
/// serialized, and peak working set added. Run by hand (not CI):
/// <c>dotnet run -c Release -- streaming --sizes 20,200,1000 --repeat 3 [--scenarios transfer-utility,payloadgen-enumerable]
/// [--before path/to/other/PayloadGen.Benchmarks.dll] [--diagnose counts,map,alloc,timeline]</c>. <c>--before</c> runs every PayloadGen
/// scenario also with another build's probe (a copy of this project's output from an earlier revision), in the same
/// rounds, as <c>before:scenario</c>; <c>--diagnose</c> has each probe print what it allocated and how often it collected
/// (<c>counts</c>), where its bytes were at the peak (<c>map</c>, <see cref="MemoryMap"/>) and what types it allocated
/// (<c>alloc</c>, <see cref="AllocationProfile"/>), and when each S3 request started and ended (<c>timeline</c>,
/// <see cref="RequestTimeline"/>), to standard error.
/// <c>--encodings unchunked,chunked</c> (the default: both) runs each of PayloadGen's upload scenarios with its store
/// sending unchunked (what s3rver stores readable) and with aws-chunked signing (<c>S3PayloadStoreOptions.UseChunkEncoding</c>'s
/// default, and <c>TransferUtility</c>'s): the like-for-like row. <c>--pin</c> runs s3rver on CPU 0 and every probe on
/// the others (<see cref="CorePinning"/>); <c>--pin both</c> runs every probe pinned and unpinned in the same rounds.
/// </summary>
public static class StreamingComparison
{
    public static async Task<int> RunAsync(string[] args)
    {
        long[] sizes = Option(args, "--sizes", "20,200").Split(',').Select(mb => long.Parse(mb, CultureInfo.InvariantCulture) * 1024 * 1024).ToArray();
        int repeat = int.Parse(Option(args, "--repeat", "3"), CultureInfo.InvariantCulture);
        string[] scenarios = Option(args, "--scenarios", string.Join(",", StreamingProbe.Scenarios)).Split(',');
        string? before = Option(args, "--before", string.Empty) is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        string diagnose = Option(args, "--diagnose", string.Empty);
        string[] encodings = Option(args, "--encodings", Unchunked + "," + Chunked).Split(',');
        if (encodings.FirstOrDefault(encoding => encoding is not (Unchunked or Chunked)) is string unknown)
        {
            throw new ArgumentException($"--encodings takes {Unchunked} and/or {Chunked}, not '{unknown}'.");
        }

        bool[] pinModes = Array.IndexOf(args, "--pin") is int pin and >= 0 ? (pin + 1 < args.Length && args[pin + 1] == "both" ? [false, true] : [true]) : [false];
        if (pinModes.Contains(true))
        {
            CorePinning.EnsurePossible();
        }

        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores");
        if (pinModes.Contains(true))
        {
            Console.WriteLine($"pinned probes: s3rver on CPU {CorePinning.ServerCpus}, the probe on CPU {CorePinning.ProbeCpus}");
        }


        // Stopped, and its folder (objects and pointer files) deleted, when the comparison ends.
        await using (S3rverProcess s3rver = await S3rverProcess.StartAsync(StreamingProbe.Bucket))
        {
            string endpoint = s3rver.ServiceUrl;
            string data = s3rver.DataDirectory;
            var results = new List<RoundResult>();
            foreach (long size in sizes)
            {
                string pointerFile = Path.Combine(data, "pointer-" + size + ".json");
                if (scenarios.Contains("hydrate-enumerable"))
                {
                    using AmazonS3Client client = StreamingProbe.CreatePayloadGenClient(endpoint);
                    // Unchunked whatever the run measures: s3rver stores aws-chunked bodies undecoded, and this one is read back.
                    ClaimCheckRuntime runtime = StreamingProbe.CreateRuntime(client, chunkEncoding: false);
                    await using Stream pointer = await runtime.DehydrateAsync(ExportRow.StreamAsync(size), ExportJsonContext.Default.IAsyncEnumerableExportRow, PayloadSource.Direct, 0, CancellationToken.None);
                    await using FileStream file = File.Create(pointerFile);
                    await pointer.CopyToAsync(file);
                }

                // Rounds alternate the scenarios, so that each round's ratio compares runs minutes apart at most.
                for (int round = 0; round < repeat; round++)
                {
                    foreach (bool pinned in round % 2 == 0 ? pinModes : pinModes.Reverse())
                    {
                        if (pinModes.Contains(true))
                        {
                            await CorePinning.SetServerAsync(s3rver.ProcessId, pinned);
                        }

                        foreach (string scenario in scenarios)
                        {
                            // The two builds swap places every round: the probe that runs second starts while the first one's
                            // half gigabyte is still being written back to disk (s3rver stores every object), which slowed it
                            // in every round of a run that always ran "before" first. So do the two encodings.
                            string?[] builds = before is null || scenario is "transfer-utility" or "serialize-then-transfer-utility" or "serialize-only" ? [null] : round % 2 == 0 ? [before, null] : [null, before];
                            string[] scenarioEncodings = EncodedScenarios.Contains(scenario) ? (round % 2 == 0 ? encodings : encodings.Reverse().ToArray()) : [scenario is "transfer-utility" or "serialize-then-transfer-utility" ? Chunked : NoUpload];
                            foreach (string encoding in scenarioEncodings)
                            {
                                foreach (string? build in builds)
                                {
                                    await FlushWritesAsync();
                                    double load = LoadAverage();
                                    var storedBefore = new HashSet<string>(Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories));
                                    ProbeResult result = await ProbeAsync(scenario, size, endpoint, pointerFile, build, diagnose, s3rver.ProcessId, chunked: encoding == Chunked && EncodedScenarios.Contains(scenario), pinned);
                                    DeleteStoredSince(data, storedBefore);
                                    if (build is not null)
                                    {
                                        result = result with { Scenario = "before:" + scenario };
                                    }

                                    Console.WriteLine(JsonSerializer.Serialize(result, ProbeJsonContext.Default.ProbeResult) + string.Create(CultureInfo.InvariantCulture, $" round {round}, load {load:0.0}, {encoding}{(pinned ? ", pinned" : string.Empty)}"));
                                    results.Add(new RoundResult(round, load, result, encoding, pinned));
                                }
                            }
                        }
                    }
                }
            }

            Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
            PrintTable(results);
        }

        return 0;
    }

    private static void PrintTable(List<RoundResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| size | scenario | encoding | CPUs | time (median) | vs TransferUtility: median (range over rounds) | CPU time (median) | s3rver CPU (median) | peak added: median (max) | GC heap (at collections) | working set after / after GC | load |");
        Console.WriteLine("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var againstHandWritten = new List<string>();
        foreach (IGrouping<long, RoundResult> size in results.GroupBy(entry => entry.Result.Bytes))
        {
            foreach (IGrouping<(string Scenario, string Encoding, bool Pinned), RoundResult> scenario in size.GroupBy(entry => (entry.Result.Scenario, entry.Encoding, entry.Pinned)).OrderBy(group => group.Key.Pinned))
            {
                double[] ratios = RatiosAgainst("transfer-utility", scenario, size);
                string ratio = scenario.Key.Scenario.Replace("before:", string.Empty, StringComparison.Ordinal) is var name && (name.StartsWith("payloadgen", StringComparison.Ordinal) || name == "serialize-then-transfer-utility") && ratios.Length > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{Median(ratios):0.00}× ({ratios.Min():0.00}–{ratios.Max():0.00})")
                    : "—";
                IEnumerable<ProbeResult> runs = scenario.Select(entry => entry.Result);
                string cpus = scenario.Key.Pinned ? "probe " + CorePinning.ProbeCpus + ", s3rver " + CorePinning.ServerCpus : "shared";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size.Key / (1024 * 1024)} MiB | {scenario.Key.Scenario} | {scenario.Key.Encoding} | {cpus} | {Median(runs.Select(result => result.Seconds)):0.00} s | {ratio} | {Median(runs.Select(result => result.CpuSeconds)):0.00} s | {ServerCpu(runs)} | {Median(runs.Select(result => result.PeakAddedMb)):0} MiB ({runs.Max(result => result.PeakAddedMb):0}) | {Median(runs.Select(result => result.GcCommittedPeakAddedMb)):0} MiB | {Median(runs.Select(result => result.AfterMb - result.BaselineMb)):+0;-0} / {Median(runs.Select(result => result.AfterCollectionMb - result.BaselineMb)):+0;-0} MiB | {scenario.Min(entry => entry.Load):0}–{scenario.Max(entry => entry.Load):0} |"));
            }

            // Against what PayloadGen replaces (the rows serialized into memory, then uploaded), where that ran.
            foreach (IGrouping<(string Scenario, string Encoding, bool Pinned), RoundResult> scenario in size.Where(entry => entry.Result.Scenario.StartsWith("payloadgen", StringComparison.Ordinal)).GroupBy(entry => (entry.Result.Scenario, entry.Encoding, entry.Pinned)))
            {
                double[] ratios = RatiosAgainst("serialize-then-transfer-utility", scenario, size);
                if (ratios.Length > 0)
                {
                    againstHandWritten.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{size.Key / (1024 * 1024)} MiB {scenario.Key.Scenario} ({scenario.Key.Encoding}, {(scenario.Key.Pinned ? "pinned" : "shared")}) vs serialize-then-transfer-utility: {Median(ratios):0.00}× ({ratios.Min():0.00}–{ratios.Max():0.00}) over {ratios.Length} rounds"));
                }
            }
        }

        if (againstHandWritten.Count > 0)
        {
            Console.WriteLine();
            againstHandWritten.ForEach(Console.WriteLine);
        }
    }

    /// <summary>Each round's time of <paramref name="runs"/> over the <paramref name="baseline"/> scenario's in the same round, on the same CPUs.</summary>
    private static double[] RatiosAgainst(string baseline, IEnumerable<RoundResult> runs, IEnumerable<RoundResult> size)
        => runs
            .Select(entry => entry.Result.Seconds / size.Where(other => other.Round == entry.Round && other.Pinned == entry.Pinned && other.Result.Scenario == baseline).Select(other => other.Result.Seconds).DefaultIfEmpty(double.NaN).First())
            .Where(ratio => !double.IsNaN(ratio))
            .ToArray();

    /// <summary>
    /// Deletes what a probe stored (its warm-up's objects and its measurement's: up to 1.6 GB at 32 MiB a round): s3rver
    /// keeps every object until the run ends, and a run of both encodings, both CPU modes and two builds filled the
    /// disk. Files present before the probe (the stored array hydration reads back) stay; no request is in flight.
    /// </summary>
    private static void DeleteStoredSince(string data, HashSet<string> storedBefore)
    {
        foreach (string file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Where(file => !storedBefore.Contains(file)).ToList())
        {
            File.Delete(file);
        }
    }

    /// <summary>Writes the previous probes' objects to disk (<c>sync</c>), so that no probe pays for another's writeback.</summary>
    private static async Task FlushWritesAsync()
    {
        if (OperatingSystem.IsLinux())
        {
            using Process sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })!;
            await sync.WaitForExitAsync();
        }
    }

    private static double LoadAverage() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>The store sends aws-chunked bodies (the SDK's and <c>S3PayloadStoreOptions</c>' default; s3rver stores them undecoded).</summary>
    private const string Chunked = "chunked";

    /// <summary>The store sends plain bodies, signed with the payload's SHA-256 (what s3rver can store readable).</summary>
    private const string Unchunked = "unchunked";

    /// <summary>A scenario that uploads nothing in its measurement.</summary>
    private const string NoUpload = "—";

    /// <summary>The scenarios whose upload is PayloadGen's store, and so has its encoding set per probe.</summary>
    private static readonly string[] EncodedScenarios = ["payloadgen-enumerable", "payloadgen-object", "store-bytes"];

    private sealed record RoundResult(int Round, double Load, ProbeResult Result, string Encoding, bool Pinned);

    private static async Task<ProbeResult> ProbeAsync(string scenario, long size, string endpoint, string pointerFile, string? build, string diagnose, int serverProcessId, bool chunked, bool pinned)
    {
        string self = typeof(StreamingComparison).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (build is not null)
        {
            start.FileName = "dotnet";
            start.ArgumentList.Add(build);
        }
        else if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        if (diagnose.Length > 0)
        {
            start.Environment["STREAMING_DIAGNOSE"] = diagnose;
        }

        start.Environment["STREAMING_SERVER_PID"] = serverProcessId.ToString(CultureInfo.InvariantCulture);
        // Set either way, so that the variable in this process's environment decides nothing.
        start.Environment["STREAMING_CHUNK_ENCODING"] = chunked ? "true" : "false";

        foreach (string argument in new[] { "probe", scenario, size.ToString(CultureInfo.InvariantCulture), endpoint, pointerFile })
        {
            start.ArgumentList.Add(argument);
        }

        if (pinned)
        {
            CorePinning.RunOnProbeCpus(start);
        }

        using Process probe = Process.Start(start)!;
        string output = await probe.StandardOutput.ReadToEndAsync();
        await probe.WaitForExitAsync();
        if (probe.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {scenario} probe failed ({probe.ExitCode}): {output}");
        }

        return JsonSerializer.Deserialize(output.Trim().Split('\n')[^1], ProbeJsonContext.Default.ProbeResult)!;
    }

    private static string ServerCpu(IEnumerable<ProbeResult> runs)
        => runs.Where(result => result.ServerCpuSeconds is not null).Select(result => result.ServerCpuSeconds!.Value).ToArray() is { Length: > 0 } seconds
            ? string.Create(CultureInfo.InvariantCulture, $"{Median(seconds):0.00} s")
            : "—";

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
