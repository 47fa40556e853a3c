using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;
using static PayloadGen.Tests.Runtime.StreamedUploadBench;

namespace PayloadGen.Tests.Runtime;

/// <summary>
/// A streamed offload keeps a payload's first bytes (<see cref="StreamedOffload.StartBytes"/>, never past the threshold)
/// in pooled memory and creates its upload state only when the payload outgrows them: a small lazy sequence maps no
/// part buffer. Past them, those bytes start the first part, so parts, stored bytes and pointer are what they were.
/// </summary>
public sealed class StreamedOffloadStartTests : IDisposable
{
    private const int Start = StreamedOffload.StartBytes;

    private readonly StreamedUploadBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(Start - 1)]
    [InlineData(Start)]
    [InlineData(Start + 1)]
    [InlineData(3 * Start + 5)]
    public async Task A_payload_under_the_threshold_comes_back_whole_whether_or_not_it_outgrew_its_start(int length)
    {
        byte[] payload = TestPayloads.Bytes(length, seed: length);
        var store = new ScriptedPartStore(_bench.Files(), partSizeBytes: 4 * 1024, maxConcurrentParts: 2);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: 4 * Start, Description);
        await WriteInChunksAsync(offload, payload, chunk: 1_000);

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);

        Assert.Null(outcome.Pointer);
        Assert.Equal(length, outcome.Length);
        await using Stream inline = outcome.Inline!;
        Assert.Equal(payload, ReadAll(inline));
        Assert.Equal((0, 0), (store.UploadsStarted, store.WholeWrites));
        _bench.AssertNothingStored();
    }

    [Theory]
    [InlineData(Start + 1, 1_000)]      // the threshold passed inside the write that leaves the start
    [InlineData(Start / 2, 7)]          // a threshold below StartBytes
    [InlineData(5 * Start, 3_000)]      // held parts, then offloaded
    public async Task A_payload_over_the_threshold_is_stored_in_the_same_parts_as_before(int threshold, int chunk)
    {
        byte[] payload = TestPayloads.Bytes(6 * Start + 11, seed: threshold);
        const int partBytes = 4 * 1024;
        var store = new ScriptedPartStore(_bench.Files(), partBytes, maxConcurrentParts: 2);
        await using var offload = new StreamedOffload(RuntimeOver(store), threshold, Description);
        await WriteInChunksAsync(offload, payload, chunk);

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.Null(outcome.Inline);
        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
        // The parts the schedule cuts at: the first bytes held in pooled memory moved into them unchanged.
        var parts = store.Parts.OrderBy(part => part.Number).ToList();
        Assert.Equal(Enumerable.Range(1, parts.Count), parts.Select(part => part.Number));
        Assert.All(parts.SkipLast(1), part => Assert.Equal((part.Number - 1L) * partBytes, part.Offset));
        Assert.Equal(payload.Length, parts.Sum(part => part.Length));
    }

    [Fact]
    public async Task Upload_state_is_created_only_when_the_payload_outgrows_its_start()
    {
        // A store whose part size no buffer can hold: the first write that needs a part says so, and no earlier one.
        var store = new ScriptedPartStore(_bench.Files(), partSizeBytes: 0, maxConcurrentParts: 2);
        await using var small = new StreamedOffload(RuntimeOver(store), inlineThreshold: 4 * Start, Description);
        await using var large = new StreamedOffload(RuntimeOver(store), inlineThreshold: 4 * Start, Description);
        byte[] payload = TestPayloads.Bytes(Start, seed: 9);

        await small.WriteAsync(payload);
        OffloadOutcome outcome = await small.CompleteAsync(CancellationToken.None);
        await large.WriteAsync(payload);
        var error = await Assert.ThrowsAsync<ClaimCheckConfigurationException>(() => large.WriteAsync(payload.AsMemory(0, 1)).AsTask());

        await using (Stream inline = outcome.Inline!)
        {
            Assert.Equal(payload, ReadAll(inline));
        }

        Assert.Contains("part size", error.Message, StringComparison.Ordinal);
    }

    private static async Task WriteInChunksAsync(Stream destination, byte[] payload, int chunk)
    {
        for (int at = 0; at < payload.Length; at += chunk)
        {
            await destination.WriteAsync(payload.AsMemory(at, Math.Min(chunk, payload.Length - at)));
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
