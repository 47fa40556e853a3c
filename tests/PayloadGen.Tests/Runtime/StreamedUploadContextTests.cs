using System;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;
using static PayloadGen.Tests.Runtime.StreamedUploadBench;

namespace PayloadGen.Tests.Runtime;

/// <summary>
/// A streamed offload never resumes on the caller's synchronization context, so a caller that blocks on one (a
/// synchronous serializer call, a UI thread) cannot deadlock. Only the first await that really suspends still has the
/// caller's context (after it, the code runs on the thread pool), so each case starts one call on the context and
/// makes the store hold it at one place: a part slot, the upload's start, a whole write, the last part, completion,
/// the abort. A suspension suspends every await on the way down to it, so each case covers that whole chain.
/// </summary>
public sealed class StreamedUploadContextTests : IDisposable
{
    private readonly StreamedUploadBench _bench = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task A_write_that_waits_for_a_part_slot_resumes_off_the_callers_context()
    {
        ScriptedPartStore store = Store(maxConcurrentParts: 1, partsWait: true);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        await offload.WriteAsync(TestPayloads.Bytes(PartBytes, seed: 1));

        await AssertNoPostAsync(() => offload.WriteAsync(TestPayloads.Bytes(PartBytes, seed: 2)).AsTask());
        await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);
    }

    [Fact]
    public async Task The_write_that_crosses_the_threshold_and_sends_the_held_parts_resumes_off_the_callers_context()
    {
        // Two parts held under the threshold; with one slot, sending the second waits for the first.
        ScriptedPartStore store = Store(maxConcurrentParts: 1, partsWait: true);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: 2 * PartBytes, Description);

        await AssertNoPostAsync(() => offload.WriteAsync(TestPayloads.Bytes((2 * PartBytes) + 1, seed: 3)).AsTask());
        await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);
    }

    [Fact]
    public async Task A_write_that_waits_for_the_upload_to_start_resumes_off_the_callers_context()
    {
        ScriptedPartStore store = Store(maxConcurrentParts: 2, waitingStep: StoreStep.Start);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);

        await AssertNoPostAsync(() => offload.WriteAsync(TestPayloads.Bytes(PartBytes, seed: 4)).AsTask());
        await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(Patience);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Completing_a_payload_written_whole_resumes_off_the_callers_context(bool storeTakesParts)
    {
        // Shorter than a part, or a store without parts: one whole write, held by the store.
        ScriptedPartStore store = Store(maxConcurrentParts: 2, waitingStep: StoreStep.Write);
        await using var offload = new StreamedOffload(RuntimeOver(storeTakesParts ? store : store.WithoutParts()), inlineThreshold: 10, Description);
        await offload.WriteAsync(TestPayloads.Bytes(1_000, seed: 5));

        await AssertNoPostAsync(() => offload.CompleteAsync(CancellationToken.None).AsTask());
        Assert.Equal(1, store.WholeWrites);
    }

    [Fact]
    public async Task Completing_while_the_last_part_waits_for_a_slot_resumes_off_the_callers_context()
    {
        ScriptedPartStore store = Store(maxConcurrentParts: 1, partsWait: true);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        await offload.WriteAsync(TestPayloads.Bytes(PartBytes + 5, seed: 6));

        await AssertNoPostAsync(() => offload.CompleteAsync(CancellationToken.None).AsTask());
        Assert.Equal(2, store.Parts.Count);
    }

    [Fact]
    public async Task Completing_while_parts_are_still_uploading_resumes_off_the_callers_context()
    {
        ScriptedPartStore store = Store(maxConcurrentParts: 2, partsWait: true);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        await offload.WriteAsync(TestPayloads.Bytes(2 * PartBytes, seed: 7));

        await AssertNoPostAsync(() => offload.CompleteAsync(CancellationToken.None).AsTask());
        Assert.Equal(2, store.Parts.Count);
    }

    [Fact]
    public async Task Completing_an_upload_the_store_takes_time_to_complete_resumes_off_the_callers_context()
    {
        ScriptedPartStore store = Store(maxConcurrentParts: 2, waitingStep: StoreStep.Complete);
        await using var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        await offload.WriteAsync(TestPayloads.Bytes(2 * PartBytes, seed: 8));
        await Eventually.WaitUntilAsync(() => store.Parts.Count == 2, Patience);

        await AssertNoPostAsync(() => offload.CompleteAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Disposing_an_unfinished_upload_the_store_takes_time_to_abort_resumes_off_the_callers_context()
    {
        ScriptedPartStore store = Store(maxConcurrentParts: 2, waitingStep: StoreStep.Abort);
        var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        await offload.WriteAsync(TestPayloads.Bytes(2 * PartBytes, seed: 9));
        await Eventually.WaitUntilAsync(() => store.Parts.Count == 2, Patience);

        await AssertNoPostAsync(() => offload.DisposeAsync().AsTask());
        Assert.Equal(1, store.UploadsAborted);
    }

    [Fact]
    public async Task Disposing_while_parts_are_uploading_resumes_off_the_callers_context()
    {
        var store = new ScriptedPartStore(_bench.Files(), PartBytes, maxConcurrentParts: 2)
        {
            BeforePart = (_, token) => Task.Delay(Timeout.InfiniteTimeSpan, token),
        };
        var offload = new StreamedOffload(RuntimeOver(store), inlineThreshold: -1, Description);
        await offload.WriteAsync(TestPayloads.Bytes(2 * PartBytes, seed: 10));
        await Eventually.WaitUntilAsync(() => store.MostPartsAtOnce == 2, Patience);

        await AssertNoPostAsync(() => offload.DisposeAsync().AsTask());
        Assert.Equal(1, store.UploadsAborted);
    }

    /// <summary>
    /// Starts <paramref name="operation"/> on a counting context (it runs until the store holds it), lets the store go
    /// on, and asserts that nothing was posted back to the context. An operation that no longer waits where the store
    /// holds it (the uploader may change where it waits) has nothing to post, and passes.
    /// </summary>
    private async Task AssertNoPostAsync(Func<Task> operation)
    {
        Task<int> posts;
        try
        {
            posts = CountingSynchronizationContext.PostsDuringAsync(operation);
        }
        finally
        {
            // Whatever happened, the store must not hold anything forever: disposing the offload would wait for it.
            _gate.TrySetResult();
        }

        Assert.Equal(0, await posts.WaitAsync(Patience));
    }

    /// <summary>A store in which the parts (or one other step) wait for <see cref="_gate"/>.</summary>
    private ScriptedPartStore Store(int maxConcurrentParts, bool partsWait = false, StoreStep? waitingStep = null) =>
        new(_bench.Files(), PartBytes, maxConcurrentParts)
        {
            BeforePart = (_, _) => partsWait ? _gate.Task : Task.CompletedTask,
            BeforeStep = step => step == waitingStep ? _gate.Task : Task.CompletedTask,
        };
}
