#if NET10_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;
using static PayloadGen.Tests.Runtime.StreamedUploadBench;

namespace PayloadGen.Tests.Runtime;

/// <summary>
/// On .NET 10 System.Text.Json serializes a streamed payload through <see cref="StreamedOffloadWriter"/>, straight
/// into the start buffer and the part buffers. Written the way its writer writes (memory asked for with a size hint,
/// advanced, flushed now and then), the payload must end up exactly as through the stream: the same bytes in the
/// schedule's parts, inline and untouched by the store under the threshold (even when written past the start or the
/// threshold between two flushes), and a flush that waits while every part slot is busy.
/// </summary>
public sealed class StreamedOffloadWriterTests : IDisposable
{
    private readonly StreamedUploadBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Theory]
    [InlineData(1_000, 256, 14_000)]          // small writes, flushed about as often as System.Text.Json flushes
    [InlineData(3_000, 4_096, 14_000)]        // asks for more room than the end of each part has: the overflow
    [InlineData(PartBytes, 1, 3 * PartBytes)] // whole parts between flushes: a part filled in place waits for the flush
    [InlineData(7, 70_000, 100_000)]          // a size hint larger than a part
    public async Task Bytes_written_in_place_are_stored_in_the_schedules_parts_exactly(int chunk, int sizeHint, int flushEvery)
    {
        var store = Scripted(PartBytes, maxConcurrentParts: 2);
        byte[] payload = TestPayloads.Bytes((5 * PartBytes) + 17, seed: chunk);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: 10_000, Description);

        await WriteInPlaceAsync(new StreamedOffloadWriter(offload), payload, chunk, sizeHint, flushEvery);
        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.Null(outcome.Inline);
        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
        var parts = store.Parts.OrderBy(part => part.Number).ToList();
        Assert.Equal(
            Enumerable.Range(0, 6).Select(index => (index + 1, (long)index * PartBytes, index < 5 ? (long)PartBytes : 17L)),
            parts.Select(part => (part.Number, part.Offset, part.Length)));
        Assert.Equal((1, 0), (store.UploadsStarted, store.WholeWrites));
    }

    [Theory]
    [InlineData(100, 100)]                                  // within the start, flushed at every write
    [InlineData(StreamedOffload.StartBytes + 5_000, 1_000)] // flushed: the start moves into held parts
    [InlineData(StreamedOffload.StartBytes + 5_000, int.MaxValue)] // never flushed until the end: the start grows past its size
    public async Task A_payload_under_the_threshold_comes_back_whole_and_the_store_sees_nothing(int length, int flushEvery)
    {
        var store = Scripted(partSizeBytes: 4 * 1024, maxConcurrentParts: 2);
        byte[] payload = TestPayloads.Bytes(length, seed: length);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: length, Description);

        await WriteInPlaceAsync(new StreamedOffloadWriter(offload), payload, chunk: 1_000, sizeHint: 1, flushEvery);
        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);

        Assert.Null(outcome.Pointer);
        await using Stream inline = outcome.Inline!;
        Assert.Equal(payload, ReadAll(inline));
        Assert.Equal((0, 0), (store.UploadsStarted, store.WholeWrites));
        _bench.AssertNothingStored();
    }

    [Fact]
    public async Task A_start_written_past_the_threshold_before_any_flush_is_stored_not_returned_inline()
    {
        // Between two flushes the start grows unchecked; completing must still see the threshold was passed.
        var store = Scripted(partSizeBytes: 4 * 1024, maxConcurrentParts: 2);
        byte[] payload = TestPayloads.Bytes(20_001, seed: 3);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: 20_000, Description);
        var writer = new StreamedOffloadWriter(offload);
        payload.CopyTo(writer.GetMemory(payload.Length));
        writer.Advance(payload.Length);

        Assert.Null(offload.TryCompleteInline());
        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.Null(outcome.Inline);
        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
    }

    [Fact]
    public async Task A_flush_waits_while_every_part_slot_is_busy()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new ScriptedPartStore(_bench.Files(), PartBytes, maxConcurrentParts: 2) { BeforePart = (_, _) => gate.Task };
        byte[] payload = TestPayloads.Bytes((3 * PartBytes) + 3, seed: 4);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        var writer = new StreamedOffloadWriter(offload);

        await WriteInPlaceAsync(writer, payload.AsMemory(0, 2 * PartBytes), chunk: 1_000, sizeHint: 1, flushEvery: 1_000, flushAtEnd: true);
        await Eventually.WaitUntilAsync(() => store.MostPartsAtOnce == 2, Patience);
        await WriteInPlaceAsync(writer, payload.AsMemory(2 * PartBytes, PartBytes), chunk: 1_000, sizeHint: 1, flushEvery: int.MaxValue, flushAtEnd: false);
        Task flush = writer.FlushAsync().AsTask();
        await Task.Delay(200);
        Assert.False(flush.IsCompleted, "A flush after a part filled in place must wait while every part slot is busy.");

        gate.SetResult();
        await flush.WaitAsync(Patience);
        await WriteInPlaceAsync(writer, payload.AsMemory(3 * PartBytes), chunk: 1_000, sizeHint: 1, flushEvery: 1_000, flushAtEnd: true);
        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.Equal(2, store.MostPartsAtOnce);
        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
    }

    [Theory]
    [InlineData(3)]      // inline
    [InlineData(4_000)]  // stored in parts
    public async Task System_Text_Json_writes_through_it_the_bytes_it_writes_anywhere_else(int rows)
    {
        async IAsyncEnumerable<string> Lines()
        {
            for (int i = 0; i < rows; i++)
            {
                if (i % 100 == 0)
                {
                    await Task.Yield();
                }

                yield return "line " + i + " — \"quoted\" " + new string('x', i % 300);
            }
        }

        JsonTypeInfo<IAsyncEnumerable<string>> type = ClaimCheckJson.GetTypeInfo<IAsyncEnumerable<string>>();
        byte[] expected = JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(0, rows).Select(i => "line " + i + " — \"quoted\" " + new string('x', i % 300)).ToList(), ClaimCheckJson.GetTypeInfo<List<string>>());
        var store = Scripted(partSizeBytes: 4 * 1024, maxConcurrentParts: 2);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: 10_000, Description);

        await JsonSerializer.SerializeAsync(new StreamedOffloadWriter(offload), Lines(), type);
        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        if (outcome.Inline is { } inline)
        {
            Assert.True(expected.Length <= 10_000);
            Assert.Equal(expected, ReadAll(inline));
            await inline.DisposeAsync();
            Assert.Equal(0, store.UploadsStarted);
        }
        else
        {
            Assert.True(expected.Length > 10_000);
            _bench.AssertStoredAsPointed(expected, outcome.Pointer);
        }
    }

    private ScriptedPartStore Scripted(long partSizeBytes, int maxConcurrentParts) => new(_bench.Files(), partSizeBytes, maxConcurrentParts);

    /// <summary>Writes as System.Text.Json's writer does: memory asked for with a hint, part of it filled and advanced, a flush now and then.</summary>
    private static async Task WriteInPlaceAsync(StreamedOffloadWriter writer, ReadOnlyMemory<byte> payload, int chunk, int sizeHint, int flushEvery, bool flushAtEnd = true)
    {
        long sinceFlush = 0;
        while (!payload.IsEmpty)
        {
            Memory<byte> memory = writer.GetMemory(sizeHint);
            Assert.True(memory.Length >= Math.Max(sizeHint, 1), "GetMemory hands out at least what was asked for.");
            int count = Math.Min(Math.Min(chunk, memory.Length), payload.Length);
            payload[..count].CopyTo(memory);
            writer.Advance(count);
            payload = payload[count..];
            sinceFlush += count;
            Assert.Equal(sinceFlush, writer.UnflushedBytes);
            if (sinceFlush >= flushEvery)
            {
                await writer.FlushAsync().AsTask().WaitAsync(Patience);
                sinceFlush = 0;
            }
        }

        if (flushAtEnd)
        {
            await writer.FlushAsync().AsTask().WaitAsync(Patience);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
#endif
