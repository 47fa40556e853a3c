using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;
using static PayloadGen.Tests.Runtime.StreamedUploadBench;

namespace PayloadGen.Tests.Runtime;

/// <summary>
/// How a streamed offload sends its parts, on the file store behind <see cref="ScriptedPartStore"/> (in process, so
/// each case takes milliseconds): parts cut exactly where the schedule says and placed at their offsets, the pointer's
/// size and SHA-256 those of the stored bytes, no more parts uploading at once than the store allows (a write waits
/// for a free one), and every way a payload can end without completing — a part that fails, an upload that cannot
/// start, the caller giving up, the stream disposed early — stopping the parts still uploading and leaving nothing
/// in the store.
/// </summary>
public sealed class StreamedPartUploadTests : IDisposable
{
    // Longer than any test runs when the code is right; a part held this long was never told to stop.
    private static readonly TimeSpan Forever = TimeSpan.FromSeconds(60);

    private readonly StreamedUploadBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task Parts_are_cut_at_the_schedules_sizes_and_written_at_their_offsets_in_payload_order()
    {
        // 1-byte parts: parts 1–1,000 hold one byte, 1,001–2,000 two, then four; 3,010 bytes end inside part 2,003.
        // Written 7 bytes at a time, so writes straddle every part boundary.
        var store = Scripted(partSizeBytes: 1, maxConcurrentParts: 3);
        byte[] payload = TestPayloads.Bytes(3_010, seed: 1);
        var offload = new StreamedOffload(RuntimeOver(store), 10, Description);
        for (int at = 0; at < payload.Length; at += 7)
        {
            await offload.WriteAsync(payload.AsMemory(at, Math.Min(7, payload.Length - at)));
        }

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);
        await offload.DisposeAsync();

        var expected = new List<(int Number, long Offset, long Length)>();
        for (long offset = 0; offset < payload.Length; offset += expected[^1].Length)
        {
            int number = expected.Count + 1;
            long size = number <= 1_000 ? 1 : number <= 2_000 ? 2 : 4;
            expected.Add((number, offset, Math.Min(size, payload.Length - offset)));
        }

        Assert.Equal(2_003, expected.Count);
        Assert.Equal(expected, store.Parts.OrderBy(part => part.Number));
        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
        Assert.Equal((1, 0, 0), (store.UploadsStarted, store.UploadsAborted, store.WholeWrites));

        // Parts 1,001 and 2,001 grew: the smaller buffers were freed then, the others at the end.
        AssertPartBuffersFreed(store);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(PartBytes - 1)]
    [InlineData(PartBytes)]
    public async Task A_payload_known_to_be_stored_is_one_whole_write_unless_it_fills_a_part(int length)
    {
        var store = Scripted(PartBytes, maxConcurrentParts: 2);
        byte[] payload = TestPayloads.Bytes(length, seed: 2);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        if (length > 0)
        {
            await offload.WriteAsync(payload);
        }

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);

        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
        bool inParts = length == PartBytes;
        Assert.Equal((inParts ? 0 : 1, inParts ? 1 : 0), (store.WholeWrites, store.UploadsStarted));
    }

    [Fact]
    public async Task A_payload_known_to_fill_a_part_starts_its_upload_at_the_first_write_and_stores_the_exact_bytes()
    {
        // The creation is held: had it been left for the first full part, nothing would reach it after ten bytes.
        var creationAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var creation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 2)
        {
            BeforeStep = step =>
            {
                if (step != StoreStep.Start)
                {
                    return Task.CompletedTask;
                }

                creationAsked.TrySetResult();
                return creation.Task;
            },
        };
        byte[] payload = TestPayloads.Bytes(2 * PartBytes + 5, seed: 13);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description, knownLongerThan: PartBytes - 1);

        await offload.WriteAsync(payload.AsMemory(0, 10)).AsTask().WaitAsync(Patience);
        await creationAsked.Task.WaitAsync(Patience);
        creation.SetResult();
        await offload.WriteAsync(payload.AsMemory(10)).AsTask().WaitAsync(Patience);
        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
        Assert.Equal((1, 0, 0, 3), (store.UploadsStarted, store.UploadsAborted, store.WholeWrites, store.Parts.Count));
    }

    [Fact]
    public async Task The_upload_is_asked_for_by_the_write_that_crosses_the_threshold_before_any_part_is_handled()
    {
        // Queued to the thread pool instead, the creation waited behind the first part's task (the pool runs a thread's
        // own queue last in, first out), and the round trip it was to overlap began only after that part was hashed.
        int writer = -1;
        int askedOn = 0;
        bool askedDuringWrite = false;
        bool aPartCameFirst = false;
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 2)
        {
            BeforeStep = step =>
            {
                if (step == StoreStep.Start)
                {
                    askedOn = Environment.CurrentManagedThreadId;
                    askedDuringWrite = Volatile.Read(ref writer) == askedOn;
                }

                return Task.CompletedTask;
            },
            BeforePart = (_, _) =>
            {
                aPartCameFirst |= askedOn == 0;
                return Task.CompletedTask;
            },
        };
        byte[] payload = TestPayloads.Bytes(2 * PartBytes + 5, seed: 15);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: PartBytes + 1, Description);

        Volatile.Write(ref writer, Environment.CurrentManagedThreadId);
        ValueTask crossing = offload.WriteAsync(payload.AsMemory(0, PartBytes + 2));
        Volatile.Write(ref writer, -1);
        await crossing.AsTask().WaitAsync(Patience);
        await offload.WriteAsync(payload.AsMemory(PartBytes + 2)).AsTask().WaitAsync(Patience);
        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.True(askedDuringWrite, "the upload was not asked for by the write that crossed the threshold, on its thread");
        Assert.False(aPartCameFirst);
        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
        Assert.Equal((1, 0, 3), (store.UploadsStarted, store.WholeWrites, store.Parts.Count));
    }

    [Fact]
    public async Task A_payload_that_may_still_fit_one_write_starts_no_upload_early()
    {
        // Known longer than a part minus two bytes: it may end one byte short of a part, one ordinary write.
        var store = Scripted(PartBytes, maxConcurrentParts: 2);
        byte[] payload = TestPayloads.Bytes(PartBytes - 1, seed: 14);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description, knownLongerThan: PartBytes - 2);

        await offload.WriteAsync(payload);
        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);

        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
        Assert.Equal((0, 1), (store.UploadsStarted, store.WholeWrites));
    }

    [Fact]
    public async Task A_payload_known_to_fill_a_part_that_fails_before_its_first_part_leaves_no_upload_behind()
    {
        var store = Scripted(PartBytes, maxConcurrentParts: 2);
        var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description, knownLongerThan: PartBytes);

        await offload.WriteAsync(TestPayloads.Bytes(100, seed: 15)).AsTask().WaitAsync(Patience);
        // Serialization failed here: the offload is disposed without completing.
        await offload.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.Equal((1, 1), (store.UploadsStarted, store.UploadsAborted));
        Assert.Empty(store.Parts);
        _bench.AssertNothingStored();
    }

    [Fact]
    public async Task The_largest_part_size_a_buffer_holds_is_accepted()
    {
        // 2,047 MiB: the buffer's pages are committed only as they are written, so this costs one page.
        var store = Scripted(2047L * 1024 * 1024, maxConcurrentParts: 2);
        byte[] payload = TestPayloads.Bytes(1_000, seed: 3);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        await offload.WriteAsync(payload);

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);

        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
    }

    [Fact]
    public async Task Parts_go_up_while_the_payload_is_written_and_a_write_waits_while_every_part_slot_is_busy()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 2) { BeforePart = (_, _) => gate.Task };
        byte[] payload = TestPayloads.Bytes((4 * PartBytes) + 3, seed: 4);
        await using var offload = new StreamedOffload(RuntimeOver(store), 10, Description);

        // Two parts: over the threshold, so both start uploading (and stay there until the gate opens).
        await offload.WriteAsync(payload.AsMemory(0, 2 * PartBytes)).AsTask().WaitAsync(Patience);
        await Eventually.WaitUntilAsync(() => store.MostPartsAtOnce == 2, Patience);
        Task third = offload.WriteAsync(payload.AsMemory(2 * PartBytes, PartBytes)).AsTask();
        await Task.Delay(200);
        Assert.False(third.IsCompleted, "A write that fills a part must wait while every part slot is busy.");

        gate.SetResult();
        await third.WaitAsync(Patience);
        await offload.WriteAsync(payload.AsMemory(3 * PartBytes)).AsTask().WaitAsync(Patience);
        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.Equal(2, store.MostPartsAtOnce);
        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
    }

    [Fact]
    public async Task A_long_payload_goes_through_one_part_buffer_more_than_the_parts_in_flight_all_freed_at_the_end()
    {
        // 40 parts, two uploading at a time: the upload holds three parts' memory, whatever the payload's length, and
        // gives it back to the operating system when the offload is disposed.
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 2) { BeforePart = (_, token) => Task.Delay(2, token) };
        byte[] payload = TestPayloads.Bytes(40 * PartBytes, seed: 10);
        var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        for (int at = 0; at < payload.Length; at += 10_000)
        {
            await offload.WriteAsync(payload.AsMemory(at, Math.Min(10_000, payload.Length - at)));
        }

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        await offload.DisposeAsync();

        _bench.AssertStoredAsPointed(payload, outcome.Pointer);
        Assert.Equal(40, store.Parts.Count);
        Assert.InRange(store.PartBuffers.Count, 1, 3);
        AssertPartBuffersFreed(store);
    }

    [Fact]
    public async Task After_a_part_failed_the_next_write_fails_with_its_error_and_nothing_is_stored()
    {
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 2)
        {
            BeforePart = (_, _) =>
            {
                failed.TrySetResult();
                return Task.FromException(new IOException("the disk went away"));
            },
        };
        var offload = new StreamedOffload(RuntimeOver(store), 10, Description);
        await offload.WriteAsync(TestPayloads.Bytes(PartBytes, seed: 5));
        await failed.Task.WaitAsync(Patience);

        // Serialization stops at the next write, long before it fills another part: a lazy sequence is not enumerated
        // to its end for an upload that has already failed.
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            for (int i = 0; i < 1_000; i++)
            {
                await offload.WriteAsync(new byte[] { (byte)'1' });
                await Task.Delay(1);
            }
        });
        await offload.DisposeAsync();

        Assert.Equal("the disk went away", error.Message);
        Assert.Equal((1, 1), (store.UploadsStarted, store.UploadsAborted));
        _bench.AssertNothingStored();
    }

    [Fact]
    public async Task No_part_is_sent_once_a_part_has_failed()
    {
        // One part slot: the second part waits for the first, which fails; it must not be sent to an upload that failed.
        var attempted = new ConcurrentQueue<int>();
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 1)
        {
            BeforePart = (number, _) =>
            {
                attempted.Enqueue(number);
                return number == 1 ? Task.FromException(new IOException("the disk went away")) : Task.CompletedTask;
            },
        };
        var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await offload.WriteAsync(TestPayloads.Bytes(3 * PartBytes, seed: 11)).AsTask().WaitAsync(Patience);
            await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);
        });
        await offload.DisposeAsync();

        Assert.Equal("the disk went away", error.Message);
        Assert.Equal([1], attempted);
        _bench.AssertNothingStored();
    }

    [Fact]
    public async Task A_failing_part_stops_the_parts_still_uploading_and_is_the_error_reported()
    {
        // Part 1 uploads until it is told to stop; part 2 fails. The payload is exactly two parts, so completing it
        // waits for both: only part 2's failure stopping part 1 lets it end, with part 2's error, not a cancellation.
        var held = new HeldParts();
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 2)
        {
            BeforePart = (number, token) => number == 1 ? held.HoldAsync(number, token) : Task.FromException(new IOException("part 2 failed")),
        };
        var offload = new StreamedOffload(RuntimeOver(store), 10, Description);
        await offload.WriteAsync(TestPayloads.Bytes(2 * PartBytes, seed: 6));

        var error = await Assert.ThrowsAsync<IOException>(() => offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience));
        await offload.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.Equal("part 2 failed", error.Message);
        Assert.Equal([1], held.Stopped);
        Assert.Equal(1, store.UploadsAborted);
        _bench.AssertNothingStored();
    }

    [Fact]
    public async Task An_upload_the_store_cannot_start_fails_the_payload_with_the_stores_own_error()
    {
        var refusal = new PayloadStoreException("write", FilePayloadStore.DefaultBucket, "k", "access denied.", null);
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 2) 
        {
            BeforeStep = step => step == StoreStep.Start ? Task.FromException(refusal) : Task.CompletedTask,
        };
        var offload = new StreamedOffload(RuntimeOver(store), 10, Description);

        // Where it surfaces (the write that needs the upload, or completing) is the uploader's choice; what it is is not.
        var error = await Assert.ThrowsAsync<PayloadStoreException>(async () =>
        {
            await offload.WriteAsync(TestPayloads.Bytes(3 * PartBytes, seed: 7)).AsTask().WaitAsync(Patience);
            await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);
        });
        await offload.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.Same(refusal, error);
        Assert.Empty(store.Parts);
        _bench.AssertNothingStored();
    }

    [Fact]
    public async Task Disposing_an_unfinished_payload_stops_its_parts_still_uploading_and_leaves_nothing()
    {
        var held = new HeldParts();
        ScriptedPartStore store = PartsHeldUntilCancelled(maxConcurrentParts: 2, held);
        var offload = new StreamedOffload(RuntimeOver(store), 10, Description);
        await offload.WriteAsync(TestPayloads.Bytes(PartBytes + 5, seed: 8));
        await Eventually.WaitUntilAsync(() => store.MostPartsAtOnce == 1, Patience);

        await offload.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.Equal([1], held.Stopped);
        Assert.Equal((1, 1), (store.UploadsStarted, store.UploadsAborted));
        AssertPartBuffersFreed(store);
        _bench.AssertNothingStored();
    }

    [Fact]
    public async Task An_unfinished_upload_is_aborted_only_after_every_part_has_ended()
    {
        // Parts take a moment to notice they were told to stop (an S3 client finishing a request): the abort must come
        // after them, or a part could land in an upload already aborted and buffers be freed while still being read.
        var events = new ConcurrentQueue<string>();
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 2)
        {
            BeforePart = async (number, token) =>
            {
                try
                {
                    await Task.Delay(Forever, token);
                }
                finally
                {
                    await Task.Delay(100, CancellationToken.None);
                    events.Enqueue($"part {number} ended");
                }
            },
            BeforeStep = step =>
            {
                events.Enqueue(step.ToString());
                return Task.CompletedTask;
            },
        };
        var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        await offload.WriteAsync(TestPayloads.Bytes(2 * PartBytes, seed: 12));
        await Eventually.WaitUntilAsync(() => store.MostPartsAtOnce == 2, Patience);

        await offload.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(["Start"], events.Take(1));
        Assert.Equal(["part 1 ended", "part 2 ended"], events.Skip(1).Take(2).Order());
        Assert.Equal(["Abort"], events.Skip(3));
        _bench.AssertNothingStored();
    }

    [Fact]
    public async Task Cancelling_a_write_that_waits_for_a_part_slot_stops_the_upload_and_leaves_nothing()
    {
        // One part slot, its part uploading until told to stop: the next part's write waits until the caller gives up.
        var held = new HeldParts();
        ScriptedPartStore store = PartsHeldUntilCancelled(maxConcurrentParts: 1, held);
        var offload = new StreamedOffload(RuntimeOver(store), 10, Description);
        using var deadline = new CancellationTokenSource();
        byte[] payload = TestPayloads.Bytes(2 * PartBytes, seed: 9);
        await offload.WriteAsync(payload.AsMemory(0, PartBytes), deadline.Token);
        Task waiting = offload.WriteAsync(payload.AsMemory(PartBytes), deadline.Token).AsTask();

        await deadline.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        await offload.DisposeAsync().AsTask().WaitAsync(Patience);

        // Whether the first part had begun when the caller gave up depends on the uploader; what it began, it stopped.
        Assert.Equal(held.Began.Order(), held.Stopped.Order());
        Assert.Equal(store.UploadsStarted, store.UploadsAborted);
        _bench.AssertNothingStored();
    }

    [Fact]
    public async Task A_part_whose_caller_gave_up_while_the_upload_was_being_created_is_never_handed_to_the_store()
    {
        // The upload's creation is held; meanwhile a whole part is dispatched and the caller gives up. The part must
        // not reach the store once the upload exists: the S3 client would sign (read) all of it before noticing.
        var creation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new ScriptedPartStore(Files(), PartBytes, maxConcurrentParts: 2)
        {
            BeforeStep = step => step == StoreStep.Start ? creation.Task : Task.CompletedTask,
        };
        var offload = new StreamedOffload(RuntimeOver(store), 10, Description);
        using var caller = new CancellationTokenSource();
        await offload.WriteAsync(TestPayloads.Bytes(PartBytes + 1, seed: 12), caller.Token).AsTask().WaitAsync(Patience);

        await caller.CancelAsync();
        creation.SetResult();
        await offload.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.Empty(store.PartBuffers);
        Assert.Empty(store.Parts);
        Assert.Equal(1, store.UploadsStarted);
        Assert.Equal(1, store.UploadsAborted);
        _bench.AssertNothingStored();
    }

    private FilePayloadStore Files() => _bench.Files();

    private ScriptedPartStore Scripted(long partSizeBytes, int maxConcurrentParts) => new(Files(), partSizeBytes, maxConcurrentParts);

    /// <summary>
    /// Every part buffer the store was handed is freed: a disposed memory manager refuses to hand out its memory.
    /// (Managed arrays, should parts ever be held in them, go back to the garbage collector by themselves.)
    /// </summary>
    private static void AssertPartBuffersFreed(ScriptedPartStore store)
    {
        foreach (MemoryManager<byte> buffer in store.PartBuffers.Keys.OfType<MemoryManager<byte>>())
        {
            Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan());
        }
    }

    /// <summary>A store whose every part uploads until its token is cancelled.</summary>
    private ScriptedPartStore PartsHeldUntilCancelled(int maxConcurrentParts, HeldParts held)
        => new(Files(), PartBytes, maxConcurrentParts) { BeforePart = held.HoldAsync };

    /// <summary>Parts that upload until their token is cancelled, recording which began and which were told to stop.</summary>
    private sealed class HeldParts
    {
        public ConcurrentQueue<int> Began { get; } = new();

        public ConcurrentQueue<int> Stopped { get; } = new();

        public async Task HoldAsync(int number, CancellationToken cancellationToken)
        {
            Began.Enqueue(number);
            try
            {
                await Task.Delay(Forever, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Stopped.Enqueue(number);
                throw;
            }
        }
    }
}
