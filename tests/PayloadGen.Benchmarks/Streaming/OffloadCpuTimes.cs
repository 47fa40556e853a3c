using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// <c>--offload-cpu [--rounds N] [--mib M]</c>: the CPU time of PayloadGen's own work in a streamed offload of an
/// <c>IAsyncEnumerable&lt;T&gt;</c> (producing the rows, serializing, filling the parts, the payload's SHA-256 and each part's
/// CRC-32) with a store that discards the parts, so that neither the S3 client, the network nor s3rver is in the figure:
/// System.Text.Json writing through the offload as a <see cref="Stream"/> (its own 16 KiB buffer copied into the parts;
/// the .NET 8 path) against writing through <see cref="StreamedOffloadWriter"/> into the parts (the .NET 10 path),
/// alternating in the same rounds. Prints each round's CPU times and the median ratio.
/// </summary>
internal static class OffloadCpuTimes
{
    public static async Task PrintAsync(int rounds, long bytes)
    {
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}; {bytes / (1024 * 1024)} MiB per offload, {rounds} rounds");
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = DiscardingStore.Name }, new DiscardingStore());

        // Warm-up: both paths, until the per-part code is promoted (see StreamingProbe).
        for (int i = 0; i < 12; i++)
        {
            await OffloadAsync(runtime, 32L * 1024 * 1024, inPlace: false);
            await OffloadAsync(runtime, 32L * 1024 * 1024, inPlace: true);
        }

        var stream = new List<double>();
        var writer = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (bool inPlace in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                GC.Collect();
                double seconds = await OffloadAsync(runtime, bytes, inPlace);
                (inPlace ? writer : stream).Add(seconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: stream {stream[^1]:0.000} s, writer {writer[^1]:0.000} s, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }

        double[] ratios = writer.Zip(stream, (after, before) => after / before).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per offload, median: stream {Median(stream):0.000} s, writer {Median(writer):0.000} s; writer/stream per round: median {Median(ratios):0.000} (range {ratios[0]:0.000}–{ratios[^1]:0.000})"));
    }

    /// <summary>One offload of <paramref name="bytes"/> of rows; returns the process's CPU time over it.</summary>
    private static async Task<double> OffloadAsync(ClaimCheckRuntime runtime, long bytes, bool inPlace)
    {
        using Process self = Process.GetCurrentProcess();
        TimeSpan before = self.TotalProcessorTime;
        await using (var offload = new StreamedOffload(runtime, inlineThreshold: 6_000_000, new PayloadDescription { Direction = OffloadDirection.Response, Source = PayloadSource.Direct }))
        {
            if (inPlace)
            {
                await JsonSerializer.SerializeAsync(new StreamedOffloadWriter(offload), ExportRow.StreamAsync(bytes), ExportJsonContext.Default.IAsyncEnumerableExportRow);
            }
            else
            {
                await JsonSerializer.SerializeAsync(offload, ExportRow.StreamAsync(bytes), ExportJsonContext.Default.IAsyncEnumerableExportRow);
            }

            OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);
            if (outcome.Pointer is null)
            {
                throw new InvalidOperationException("The offload was expected to be stored.");
            }
        }

        self.Refresh();
        return (self.TotalProcessorTime - before).TotalSeconds;
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>A store with S3's part size and parts in flight whose uploads take every part and keep nothing.</summary>
    private sealed class DiscardingStore : IStreamingPayloadStore
    {
        public const string Name = "discarded";

        public string Bucket => Name;

        public long PartSizeBytes => 5L * 1024 * 1024;

        public int MaxConcurrentParts => 3;

        public Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken)
            => Task.FromResult<IPayloadUpload>(new DiscardingUpload(key));

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken)
            => Task.FromResult(new PayloadPointer(Name, write.Key) { Size = write.Content.Length, Sha256 = write.Sha256 });

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken)
            => throw new NotSupportedException("Nothing is kept to read.");

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Takes each part as S3MultipartUpload does up to the request (its CRC-32), then drops it.</summary>
    private sealed class DiscardingUpload(string key) : IPayloadUpload
    {
        public string Key => key;

        public Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
        {
            _ = PartChecksum.Crc32Base64(content);
            return Task.CompletedTask;
        }

        public Task<PayloadPointer> CompleteAsync(int partCount, long length, string sha256, CancellationToken cancellationToken)
            => Task.FromResult(new PayloadPointer(Name, key) { Size = length, Sha256 = sha256 });

        public ValueTask AbortAsync() => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private const string Name = DiscardingStore.Name;
    }
}
