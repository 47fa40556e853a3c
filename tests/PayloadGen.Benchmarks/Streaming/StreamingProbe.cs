using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Transfer;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// One measurement, alone in its process: warm up (so JIT and the SDK's first-call costs are paid), take the working
/// set as the baseline, run the scenario while sampling the peak, and print one JSON line.
/// </summary>
public static class StreamingProbe
{
    public const string Bucket = "payloads";

    /// <summary>
    /// The scenarios: the baseline (<c>TransferUtility</c> of bytes serialized beforehand), PayloadGen's offload of a
    /// sequence and of an object graph, hydration into a sequence, and <c>serialize-only</c> — the handler producing
    /// its rows and System.Text.Json writing them to <see cref="Stream.Null"/>: the work an offload of the sequence
    /// cannot avoid, which the baseline's time leaves out; <c>store-bytes</c> — PayloadGen's S3 store writing the baseline's
    /// bytes (its own multipart upload: part size, parts in flight, unchunked signing), without serialization: what the
    /// upload itself costs against <c>TransferUtility</c>'s; <c>aspnet-writes</c>, <c>aspnet-enumerable</c> and <c>aspnet-pipe-unflushed</c> — a response of
    /// that size through <c>UseClaimCheck()</c> (<see cref="AspNetCoreResponse"/>; not in the default set);
    /// <c>serialize-then-transfer-utility</c> — the hand-written claim check PayloadGen replaces: the handler's rows
    /// serialized into a <see cref="MemoryStream"/>, then uploaded by <c>TransferUtility</c> (not in the default set).
    /// </summary>
    public static readonly string[] Scenarios = ["transfer-utility", "payloadgen-enumerable", "payloadgen-object", "hydrate-enumerable", "serialize-only", "store-bytes"];

    /// <summary>probe &lt;scenario&gt; &lt;bytes&gt; &lt;endpoint&gt; [pointer file]</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string scenario = args[0];
        long bytes = long.Parse(args[1], CultureInfo.InvariantCulture);
        RequestTimeline? timeline = RequestTimeline.Requested ? new RequestTimeline() : null;
        using AmazonS3Client client = scenario is "transfer-utility" or "serialize-then-transfer-utility" ? CreateClient(args[2], timeline) : CreatePayloadGenClient(args[2], timeline);
        ClaimCheckRuntime runtime = CreateRuntime(client);
        await using AspNetCoreResponse? aspNetCore = AspNetCoreResponse.Handles(scenario) ? await AspNetCoreResponse.StartAsync(runtime) : null;

        // Warm-up: the scenario itself, at a size that already takes parts, until a round compiles (almost) nothing
        // more, then a wait for the tiered JIT's background recompilation to end. A warm Lambda environment has paid
        // both; the measurement is of an invocation, not of the process's first ones. Code that runs once per part
        // (PayloadGen's, the S3 client's request pipeline) is promoted after 30 calls and again after 30 more
        // instrumented ones: with two warm-up rounds (14 parts) over a thousand methods were compiled during the
        // measurement, and JIT arenas (malloc) and code showed as up to 15 MiB of "peak added" no warm process has.
        const long warmBytes = 32L * 1024 * 1024;
        List<ExportRow>? warmGraph = scenario is "payloadgen-object" or "transfer-utility" or "store-bytes" ? ExportRow.List(warmBytes) : null;
        // STREAMING_WARMUP=first-quiet: the earlier rule (stop at the first quiet round from the fourth), to reproduce
        // the two modes.
        bool firstQuiet = Environment.GetEnvironmentVariable("STREAMING_WARMUP") == "first-quiet";
        int warmRounds = 0;
        for (int round = 0, quietRounds = 0; round < 60; round++)
        {
            warmRounds = round + 1;
            long compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            _ = scenario switch
            {
                "transfer-utility" => await UploadWithTransferUtilityAsync(client, JsonSerializer.SerializeToUtf8Bytes(warmGraph!, ExportJsonContext.Default.ListExportRow)),
                "serialize-then-transfer-utility" => await SerializeThenUploadAsync(client, warmBytes),
                "store-bytes" => await WriteWithStoreAsync(runtime, SerializedWithHash(warmGraph!)),
                "payloadgen-object" => await DehydrateAsync(runtime, warmGraph!, ExportJsonContext.Default.ListExportRow),
                "hydrate-enumerable" => await WarmHydrationAsync(runtime, warmBytes),
                "serialize-only" => await SerializeOnlyAsync(warmBytes),
                _ when aspNetCore is not null => await aspNetCore.RequestAsync(scenario, warmBytes),
                _ => await DehydrateAsync(runtime, ExportRow.StreamAsync(warmBytes), ExportJsonContext.Default.IAsyncEnumerableExportRow),
            };
            // A round that compiles nothing does not mean the code is warm: calls are counted silently (30 at tier 0,
            // 30 more instrumented) and the tiering delay holds promotions back while new code is compiled, so a quiet
            // round can come between two busy ones. Stopping at the first quiet round after three left the per-part
            // code (7 calls per round here) to be promoted during the measurement in about half the probes: 700-1,500
            // methods compiled, +20 MiB peak and +0.5-0.9 s CPU at 200 MiB — the "two modes" of the earlier runs.
            // Ten rounds (70 parts) and two quiet ones in a row.
            quietRounds = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore <= 2 ? quietRounds + 1 : 0;
            if (firstQuiet ? round >= 3 && quietRounds >= 1 : round >= 9 && quietRounds >= 2)
            {
                break;
            }
        }

        warmGraph = null;

        // The sampler's own code, compiled now rather than at the start of the measurement.
        using (PeakMemory.Start(mapsPeaks: AllocationProfile.Requested("map")))
        {
            await Task.Delay(50);
        }

        // What the scenario starts from: its input in memory (the serialized bytes, the object graph), nothing else.
        byte[]? serialized = scenario == "transfer-utility" ? JsonSerializer.SerializeToUtf8Bytes(ExportRow.List(bytes), ExportJsonContext.Default.ListExportRow) : null;
        (byte[] Bytes, string Sha256)? hashed = scenario == "store-bytes" ? SerializedWithHash(ExportRow.List(bytes)) : null;
        List<ExportRow>? graph = scenario == "payloadgen-object" ? ExportRow.List(bytes) : null;
        byte[]? pointer = scenario == "hydrate-enumerable" ? File.ReadAllBytes(args[3]) : null;

        // After the input is built: building a 2 GB graph or serializing 1 GB promotes code of its own, whose
        // background compilation otherwise ran during the measurement (thousands of methods in some rounds).
        await WaitForJitToSettleAsync();
        Collect();

        // --diagnose: where the bytes are at the peak and what was allocated (perturbs the figures a little: not
        // for the table).
        bool maps = AllocationProfile.Requested("map");
        bool diagnose = maps || AllocationProfile.Requested("alloc") || AllocationProfile.Requested("counts");
        using AllocationProfile? profile = AllocationProfile.Requested("alloc") ? new AllocationProfile() : null;
        var baselineMap = maps ? MemoryMap.Snapshot() : null;
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        long jitBytesBefore = System.Runtime.JitInfo.GetCompiledILBytes();
        TimeSpan jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
        long workItemsBefore = ThreadPool.CompletedWorkItemCount;
        profile?.Record();

        long baseline = PeakMemory.Current;
        long gcBaseline = PeakMemory.GcCommitted;
        long produced;
        using Process self = Process.GetCurrentProcess();
        double? serverCpuBefore = ServerCpuSeconds();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        timeline?.Start();
        var clock = Stopwatch.StartNew();
        using (PeakMemory peak = PeakMemory.Start(mapsPeaks: maps))
        {
            produced = scenario switch
            {
                "transfer-utility" => await UploadWithTransferUtilityAsync(client, serialized!),
                "serialize-then-transfer-utility" => await SerializeThenUploadAsync(client, bytes),
                "store-bytes" => await WriteWithStoreAsync(runtime, hashed!.Value),
                "payloadgen-enumerable" => await DehydrateAsync(runtime, ExportRow.StreamAsync(bytes), ExportJsonContext.Default.IAsyncEnumerableExportRow),
                "payloadgen-object" => await DehydrateAsync(runtime, graph!, ExportJsonContext.Default.ListExportRow),
                "hydrate-enumerable" => await CountAsync(runtime, new MemoryStream(pointer!)),
                "serialize-only" => await SerializeOnlyAsync(bytes),
                _ when aspNetCore is not null => await aspNetCore.RequestAsync(scenario, bytes),
                _ => throw new ArgumentException("Unknown scenario " + scenario + "; one of " + string.Join(", ", Scenarios)),
            };
            clock.Stop();
            TimeSpan? timelineEnd = timeline?.Stop();

            // Read now: the full collection below (for the "after" figure) raises the high-water mark itself —
            // compacting a 5 GB heap touched 40 MiB more than the upload did.
            long peakAdded = peak.Peak - baseline;
            self.Refresh();
            double cpuSeconds = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
            double? serverCpuSeconds = ServerCpuSeconds() - serverCpuBefore;
            profile?.Stop();
            if (timeline is not null)
            {
                Console.Error.Write(timeline.Render(string.Create(CultureInfo.InvariantCulture, $"{scenario} {bytes / 1048576} MiB"), timelineEnd!.Value));
            }

            if (diagnose)
            {
                if (profile is not null)
                {
                    AllocationProfile.Drain();
                }

                long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{scenario} {bytes / 1048576} MiB] allocated {allocated / 1048576.0:0.0} MiB; collections gen0/1/2 +{GC.CollectionCount(0) - collectionsBefore[0]}/+{GC.CollectionCount(1) - collectionsBefore[1]}/+{GC.CollectionCount(2) - collectionsBefore[2]}; peak added {Megabytes(peakAdded)} MiB; GC committed now {Megabytes(PeakMemory.GcCommitted)} MiB; methods compiled +{System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore} ({System.Runtime.JitInfo.GetCompiledILBytes() - jitBytesBefore} bytes of IL, {(System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore).TotalSeconds:0.000} s compiling); thread-pool work items +{ThreadPool.CompletedWorkItemCount - workItemsBefore}; warm-up rounds {warmRounds}"));
                if (maps)
                {
                    Console.Error.WriteLine("resident by mapping, baseline vs the highest sample:");
                    Console.Error.Write(MemoryMap.Render(baselineMap!, peak.PeakMap ?? []));
                }

                Console.Error.Write(profile?.Render());
                foreach (GCKind kind in new[] { GCKind.Ephemeral, GCKind.Background, GCKind.FullBlocking })
                {
                    GCMemoryInfo info = GC.GetGCMemoryInfo(kind);
                    if (info.Index > 0)
                    {
                        string generations = string.Join(", ", Enumerable.Range(0, info.GenerationInfo.Length).Select(gen => string.Create(CultureInfo.InvariantCulture, $"{(gen < 3 ? "gen" + gen : gen == 3 ? "LOH" : "POH")} {Megabytes(info.GenerationInfo[gen].SizeAfterBytes)} ({Megabytes(info.GenerationInfo[gen].FragmentationAfterBytes)})")));
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"last {kind} GC #{info.Index} (gen{info.Generation}): heap {Megabytes(info.HeapSizeBytes)} MiB, committed {Megabytes(info.TotalCommittedBytes)} MiB, promoted {Megabytes(info.PromotedBytes)} MiB, fragmented {Megabytes(info.FragmentedBytes)} MiB; per generation size after (fragmentation): {generations}"));
                    }
                }
            }

            long after = PeakMemory.Current;
            GC.KeepAlive(serialized);
            GC.KeepAlive(graph);
            GC.KeepAlive(hashed);
            hashed = null;
            serialized = null;
            graph = null;
            Collect();
            long afterCollection = PeakMemory.Current;
            Console.WriteLine(JsonSerializer.Serialize(new ProbeResult(scenario, bytes, clock.Elapsed.TotalSeconds, Megabytes(baseline), Megabytes(peakAdded), Megabytes(after), Megabytes(afterCollection), produced, Megabytes(peak.GcCommittedPeak - gcBaseline), Math.Round(cpuSeconds, 3)) { ServerCpuSeconds = serverCpuSeconds is double server ? Math.Round(server, 2) : null }, ProbeJsonContext.Default.ProbeResult));
        }

        return 0;
    }

    /// <summary>
    /// Waits until the tiered JIT has compiled nothing for a second (at least 2 s, at most 60 s): its background
    /// recompilation runs on a thread that a loaded machine starves, and a fixed pause left hundreds of methods to be
    /// compiled during the measurement (JIT arenas and code in "peak added", up to 15 MiB).
    /// </summary>
    private static async Task WaitForJitToSettleAsync()
    {
        var waited = Stopwatch.StartNew();
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var quiet = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60) && (waited.Elapsed < TimeSpan.FromSeconds(2) || quiet.Elapsed < TimeSpan.FromSeconds(1)))
        {
            await Task.Delay(100);
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }
        }
    }

    /// <summary>
    /// The client every scenario uses (the baseline too): request bodies read 80 KiB at a time, as the client
    /// PayloadGen creates itself (<c>S3ClientFactory</c>); the SDK's default of 8 KiB costs a task per read in its
    /// part stream wrapper.
    /// </summary>
    public static AmazonS3Client CreateClient(string endpoint, RequestTimeline? timeline = null)
        => new(Credentials, Config(endpoint, timeline));

    /// <summary>
    /// The client PayloadGen creates when none is injected (<c>S3ClientFactory</c>'s type, which also signs an unchunked
    /// part with the SHA-256 the offload computed), with <see cref="CreateClient"/>'s settings: what PayloadGen's
    /// scenarios run on. The baseline keeps the SDK's own client.
    /// </summary>
    public static AmazonS3Client CreatePayloadGenClient(string endpoint, RequestTimeline? timeline = null)
        => new PayloadGenS3Client(Credentials, Config(endpoint, timeline));

    private static BasicAWSCredentials Credentials => new("S3RVER", "S3RVER");

    private static AmazonS3Config Config(string endpoint, RequestTimeline? timeline)
    {
        var config = new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1", BufferSize = 81_920 };
        if (timeline is not null)
        {
            config.HttpClientFactory = timeline;
        }

        return config;
    }

    /// <summary>
    /// The runtime under test: the store's defaults, unless <c>STREAMING_MAX_CONCURRENT_PARTS</c> sets how many parts
    /// are uploaded at once or <c>STREAMING_PART_MIB</c> their size (to measure the memory-for-throughput trade), and
    /// unchunked (s3rver stores aws-chunked bodies undecoded) unless <c>STREAMING_CHUNK_ENCODING=true</c> asks for the
    /// SDK's default signing, to time it against the baseline's (the objects stored are then not readable back).
    /// </summary>
    public static ClaimCheckRuntime CreateRuntime(IAmazonS3 client)
        => CreateRuntime(client, chunkEncoding: Environment.GetEnvironmentVariable("STREAMING_CHUNK_ENCODING") == "true");

    /// <summary>The runtime under test, its store sending aws-chunked bodies or not as <paramref name="chunkEncoding"/> says.</summary>
    public static ClaimCheckRuntime CreateRuntime(IAmazonS3 client, bool chunkEncoding)
    {
        var defaults = new S3PayloadStoreOptions { Bucket = Bucket };
        var store = new S3PayloadStoreOptions
        {
            Bucket = Bucket,
            UseChunkEncoding = chunkEncoding,
            MaxConcurrentParts = Environment.GetEnvironmentVariable("STREAMING_MAX_CONCURRENT_PARTS") is { Length: > 0 } parts ? int.Parse(parts, CultureInfo.InvariantCulture) : defaults.MaxConcurrentParts,
            PartSizeBytes = Environment.GetEnvironmentVariable("STREAMING_PART_MIB") is { Length: > 0 } mib ? long.Parse(mib, CultureInfo.InvariantCulture) * 1024 * 1024 : defaults.PartSizeBytes,
        };
        return new(new ClaimCheckOptions { Bucket = Bucket, MaxPayloadBytes = 4L * 1024 * 1024 * 1024 }, new S3PayloadStore(client, store));
    }

    /// <summary>Offloads <paramref name="value"/> and returns the stored length.</summary>
    public static async Task<long> DehydrateAsync<T>(ClaimCheckRuntime runtime, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        await using Stream response = await runtime.DehydrateAsync(value, typeInfo, PayloadSource.Direct, 0, CancellationToken.None);
        var pointer = JsonSerializer.Deserialize<JsonElement>(response);
        return pointer.GetProperty("size").GetInt64();
    }

    private static Task<long> UploadWithTransferUtilityAsync(IAmazonS3 client, byte[] bytes)
        => UploadWithTransferUtilityAsync(client, new MemoryStream(bytes, writable: false));

    private static async Task<long> UploadWithTransferUtilityAsync(IAmazonS3 client, MemoryStream bytes)
    {
        long length = bytes.Length; // the upload closes the stream
        using var transfer = new TransferUtility(client);
        await transfer.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = Bucket,
            Key = "baseline/" + Guid.NewGuid().ToString("N") + ".json",
            InputStream = bytes,
            PartSize = 8 * 1024 * 1024,
            ContentType = "application/json",
        });
        return length;
    }

    /// <summary>What a hand-written claim check does: the rows serialized into memory, then uploaded.</summary>
    private static async Task<long> SerializeThenUploadAsync(IAmazonS3 client, long bytes)
    {
        using var serialized = new MemoryStream();
        await JsonSerializer.SerializeAsync(serialized, ExportRow.StreamAsync(bytes), ExportJsonContext.Default.IAsyncEnumerableExportRow);
        serialized.Position = 0;
        return await UploadWithTransferUtilityAsync(client, serialized);
    }

    /// <summary>The serialized bytes and their SHA-256, both computed before the clock starts (the baseline's input, plus the hash a pointer needs).</summary>
    private static (byte[] Bytes, string Sha256) SerializedWithHash(List<ExportRow> rows)
    {
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(rows, ExportJsonContext.Default.ListExportRow);
        return (bytes, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    private static async Task<long> WriteWithStoreAsync(ClaimCheckRuntime runtime, (byte[] Bytes, string Sha256) payload)
    {
        PayloadPointer pointer = await runtime.Store.WriteAsync(new PayloadWrite("baseline/" + Guid.NewGuid().ToString("N") + ".json", new System.Buffers.ReadOnlySequence<byte>(payload.Bytes), payload.Sha256), CancellationToken.None);
        return pointer.Size ?? payload.Bytes.Length;
    }

    private static async Task<long> SerializeOnlyAsync(long bytes)
    {
        await JsonSerializer.SerializeAsync(Stream.Null, ExportRow.StreamAsync(bytes), ExportJsonContext.Default.IAsyncEnumerableExportRow);
        return bytes;
    }

    private static async Task<long> WarmHydrationAsync(ClaimCheckRuntime runtime, long bytes)
    {
        await using Stream pointer = await runtime.DehydrateAsync(ExportRow.StreamAsync(bytes), ExportJsonContext.Default.IAsyncEnumerableExportRow, PayloadSource.Direct, 0, CancellationToken.None);
        return await CountAsync(runtime, pointer);
    }

    private static async Task<long> CountAsync(ClaimCheckRuntime runtime, Stream pointer)
    {
        await using HydratedSequence<ExportRow> rows = await runtime.HydrateSequenceAsync(pointer, ExportJsonContext.Default.ExportRow, allowBarePointer: true, CancellationToken.None);
        long count = 0;
        await foreach (ExportRow row in rows)
        {
            count += row.Quantity > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// The CPU time s3rver has used so far (<c>STREAMING_SERVER_PID</c>, set by <see cref="StreamingComparison"/>), from
    /// <c>/proc/&lt;pid&gt;/stat</c> in clock ticks of 10 ms: the server runs on the same cores, so what a scenario costs
    /// it is part of what the scenario costs the machine.
    /// </summary>
    private static double? ServerCpuSeconds()
    {
        if (Environment.GetEnvironmentVariable("STREAMING_SERVER_PID") is not { Length: > 0 } pid || !File.Exists("/proc/" + pid + "/stat"))
        {
            return null;
        }

        string stat = File.ReadAllText("/proc/" + pid + "/stat");
        // Fields after the command name (which may hold spaces, so cut after its closing parenthesis): utime is the 14th field, stime the 15th.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static double Megabytes(long value) => Math.Round(value / (1024.0 * 1024.0), 1);
}

/// <summary>
/// One probe's figures; memory in MiB. <c>GcCommittedPeakAddedMb</c> is the managed heap's share of the peak;
/// <c>CpuSeconds</c> the process's CPU time over the measured operation (all its threads), which a loaded machine
/// stretches far less than wall time; <c>ServerCpuSeconds</c> s3rver's over the same operation (absent from probes
/// built before it was measured).
/// </summary>
public sealed record ProbeResult(string Scenario, long Bytes, double Seconds, double BaselineMb, double PeakAddedMb, double AfterMb, double AfterCollectionMb, long Produced, double GcCommittedPeakAddedMb, double CpuSeconds)
{
    public double? ServerCpuSeconds { get; init; }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(ProbeResult))]
public sealed partial class ProbeJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
