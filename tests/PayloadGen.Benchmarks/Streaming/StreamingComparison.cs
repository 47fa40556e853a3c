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

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// Offload and hydration of large payloads, side by side in one run on s3rver, each measurement in its own child
/// process (<see cref="StreamingProbe"/>): time against <c>TransferUtility.UploadAsync</c> of the same bytes already
/// serialized, and peak working set added. Run by hand (not CI):
/// <c>dotnet run -c Release -- streaming --sizes 20,200,1000 --repeat 3 [--scenarios transfer-utility,payloadgen-enumerable]
/// [--before path/to/other/PayloadGen.Benchmarks.dll] [--diagnose counts,map,alloc]</c>. <c>--before</c> runs every PayloadGen
/// scenario also with another build's probe (a copy of this project's output from an earlier revision), in the same
/// rounds, as <c>before:scenario</c>; <c>--diagnose</c> has each probe print what it allocated and how often it collected
/// (<c>counts</c>), where its bytes were at the peak (<c>map</c>, <see cref="MemoryMap"/>) and what types it allocated
/// (<c>alloc</c>, <see cref="AllocationProfile"/>) to standard error.
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
        string root = FindRepositoryRoot();
        string data = Path.Combine(Path.GetTempPath(), "payloadgen-streaming-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores");

        using Process s3rver = StartS3rver(root, data, out string endpoint);
        try
        {
            var results = new List<RoundResult>();
            foreach (long size in sizes)
            {
                string pointerFile = Path.Combine(data, "pointer-" + size + ".json");
                if (scenarios.Contains("hydrate-enumerable"))
                {
                    using AmazonS3Client client = StreamingProbe.CreateClient(endpoint);
                    ClaimCheckRuntime runtime = StreamingProbe.CreateRuntime(client);
                    await using Stream pointer = await runtime.DehydrateAsync(ExportRow.StreamAsync(size), ExportJsonContext.Default.IAsyncEnumerableExportRow, PayloadSource.Direct, 0, CancellationToken.None);
                    await using FileStream file = File.Create(pointerFile);
                    await pointer.CopyToAsync(file);
                }

                // Rounds alternate the scenarios, so that each round's ratio compares runs minutes apart at most.
                for (int round = 0; round < repeat; round++)
                {
                    foreach (string scenario in scenarios)
                    {
                        // The two builds swap places every round: the probe that runs second starts while the first one's
                        // half gigabyte is still being written back to disk (s3rver stores every object), which slowed it
                        // in every round of a run that always ran "before" first.
                        string?[] builds = before is null || scenario == "transfer-utility" || scenario == "serialize-only" ? [null] : round % 2 == 0 ? [before, null] : [null, before];
                        foreach (string? build in builds)
                        {
                            await FlushWritesAsync();
                            double load = LoadAverage();
                            ProbeResult result = await ProbeAsync(scenario, size, endpoint, pointerFile, build, diagnose, s3rver.Id);
                            if (build is not null)
                            {
                                result = result with { Scenario = "before:" + scenario };
                            }

                            Console.WriteLine(JsonSerializer.Serialize(result, ProbeJsonContext.Default.ProbeResult) + string.Create(CultureInfo.InvariantCulture, $" round {round}, load {load:0.0}"));
                            results.Add(new RoundResult(round, load, result));
                        }
                    }
                }
            }

            Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
            PrintTable(results);
        }
        finally
        {
            s3rver.StandardInput.Close();
            if (!s3rver.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                s3rver.Kill(entireProcessTree: true);
            }

            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    private static void PrintTable(List<RoundResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| size | scenario | time (median) | vs TransferUtility: median (range over rounds) | CPU time (median) | s3rver CPU (median) | peak added: median (max) | GC heap (at collections) | working set after / after GC | load |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (IGrouping<long, RoundResult> size in results.GroupBy(entry => entry.Result.Bytes))
        {
            foreach (IGrouping<string, RoundResult> scenario in size.GroupBy(entry => entry.Result.Scenario))
            {
                // Each round's ratio against the baseline of the same round.
                double[] ratios = scenario
                    .Select(entry => entry.Result.Seconds / size.Where(other => other.Round == entry.Round && other.Result.Scenario == "transfer-utility").Select(other => other.Result.Seconds).DefaultIfEmpty(double.NaN).First())
                    .Where(ratio => !double.IsNaN(ratio))
                    .ToArray();
                string ratio = scenario.Key.Replace("before:", string.Empty, StringComparison.Ordinal).StartsWith("payloadgen", StringComparison.Ordinal) && ratios.Length > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{Median(ratios):0.00}× ({ratios.Min():0.00}–{ratios.Max():0.00})")
                    : "—";
                IEnumerable<ProbeResult> runs = scenario.Select(entry => entry.Result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size.Key / (1024 * 1024)} MiB | {scenario.Key} | {Median(runs.Select(result => result.Seconds)):0.00} s | {ratio} | {Median(runs.Select(result => result.CpuSeconds)):0.00} s | {ServerCpu(runs)} | {Median(runs.Select(result => result.PeakAddedMb)):0} MiB ({runs.Max(result => result.PeakAddedMb):0}) | {Median(runs.Select(result => result.GcCommittedPeakAddedMb)):0} MiB | {Median(runs.Select(result => result.AfterMb - result.BaselineMb)):+0;-0} / {Median(runs.Select(result => result.AfterCollectionMb - result.BaselineMb)):+0;-0} MiB | {scenario.Min(entry => entry.Load):0}–{scenario.Max(entry => entry.Load):0} |"));
            }
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

    private sealed record RoundResult(int Round, double Load, ProbeResult Result);

    private static async Task<ProbeResult> ProbeAsync(string scenario, long size, string endpoint, string pointerFile, string? build, string diagnose, int serverProcessId)
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

        foreach (string argument in new[] { "probe", scenario, size.ToString(CultureInfo.InvariantCulture), endpoint, pointerFile })
        {
            start.ArgumentList.Add(argument);
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

    private static Process StartS3rver(string root, string data, out string endpoint)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(root, "tests", "s3rver"), RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("start.js");
        start.ArgumentList.Add(data);
        start.ArgumentList.Add(StreamingProbe.Bucket);
        Process process = Process.Start(start)!;
        using JsonDocument started = JsonDocument.Parse(process.StandardOutput.ReadLine()!);
        endpoint = "http://127.0.0.1:" + started.RootElement.GetProperty("port").GetInt32().ToString(CultureInfo.InvariantCulture);
        return process;
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

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PayloadGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PayloadGen.sln not found above " + AppContext.BaseDirectory);
    }
}
