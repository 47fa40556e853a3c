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

namespace PayloadGen.Tests.Runtime;

/// <summary>
/// Where a response goes (inline or stored) and how it gets there, on the file store with 64 KiB parts: the bytes
/// are the same either way, a response is inline exactly up to the threshold, a lazy sequence is enumerated once,
/// and a write that fails half-way leaves nothing in the store.
/// </summary>
public sealed class StreamedDehydrationTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Response_is_inline_up_to_the_threshold_and_stored_one_byte_past_it_with_the_same_bytes()
    {
        Report report = TestPayloads.Report(300_000, seed: 21);
        byte[] expected = TestPayloads.Utf8(report);

        byte[] atThreshold = await DehydrateAsync(Runtime(expected.Length), report, TestPayloads.ReportType);
        byte[] pastThreshold = await DehydrateAsync(Runtime(expected.Length - 1), report, TestPayloads.ReportType);

        Assert.Equal(expected, atThreshold);
        Assert.True(PayloadPointerReader.TryRead(pastThreshold, allowBareShape: false, out PayloadPointer? pointer));
        Assert.Equal(expected, File.ReadAllBytes(StoredPath(pointer!)));
        Assert.Equal(Sha256Hex.Of(expected), pointer!.Sha256);
    }

    [Theory]
    [InlineData(10)]       // inline
    [InlineData(5_000)]    // stored in parts
    public async Task Lazy_sequence_is_enumerated_once(int rows)
    {
        int enumerations = 0;
        IEnumerable<string> Lines()
        {
            enumerations++;
            for (int i = 0; i < rows; i++)
            {
                yield return "line " + i + new string('x', 100);
            }
        }

        JsonTypeInfo<IEnumerable<string>> type = ClaimCheckJson.GetTypeInfo<IEnumerable<string>>();
        byte[] response = await DehydrateAsync(Runtime(64 * 1024), Lines(), type);

        Assert.Equal(1, enumerations);
        byte[] expected = JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(0, rows).Select(i => "line " + i + new string('x', 100)).ToList(), type);
        byte[] stored = PayloadPointerReader.TryRead(response, allowBareShape: false, out PayloadPointer? pointer) ? File.ReadAllBytes(StoredPath(pointer!)) : response;
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task Lazy_sequence_held_in_several_parts_is_inline_up_to_the_threshold_and_stored_one_byte_past_it()
    {
        // About 3.5 parts of 64 KiB: the bytes before the decision fill three part buffers and start a fourth.
        IEnumerable<string> Lines()
        {
            for (int i = 0; i < 2_000; i++)
            {
                yield return "line " + i + new string('x', 100);
            }
        }

        JsonTypeInfo<IEnumerable<string>> type = ClaimCheckJson.GetTypeInfo<IEnumerable<string>>();
        byte[] expected = JsonSerializer.SerializeToUtf8Bytes(Lines().ToList(), type);
        Assert.InRange(expected.Length, 3 * 64 * 1024 + 1, 4 * 64 * 1024 - 1);

        byte[] atThreshold = await DehydrateAsync(Runtime(expected.Length), Lines(), type);
        byte[] pastThreshold = await DehydrateAsync(Runtime(expected.Length - 1), Lines(), type);

        Assert.Equal(expected, atThreshold);
        Assert.True(PayloadPointerReader.TryRead(pastThreshold, allowBareShape: false, out PayloadPointer? pointer));
        Assert.Equal(expected, File.ReadAllBytes(StoredPath(pointer!)));
        Assert.Equal(Sha256Hex.Of(expected), pointer!.Sha256);
        Assert.Equal(expected.Length, pointer.Size);
        Assert.Single(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_value_of_the_type_last_stored_is_serialized_once_and_a_small_one_of_it_is_still_inline_with_the_same_bytes()
    {
        ClaimCheckRuntime runtime = Runtime(64 * 1024);
        JsonTypeInfo<CountedReport> type = ClaimCheckJson.GetTypeInfo<CountedReport>();
        var large = new CountedReport(new string('x', 200_000));
        var small = new CountedReport("short");

        byte[] first = await DehydrateAsync(runtime, large, type);
        int firstReads = large.Reads;
        byte[] second = await DehydrateAsync(runtime, large, type);
        int secondReads = large.Reads - firstReads;
        byte[] inline = await DehydrateAsync(runtime, small, type);
        byte[] afterInline = await DehydrateAsync(runtime, large, type);
        int afterInlineReads = large.Reads - firstReads - secondReads;

        // The first large value: the synchronous attempt, then the streamed pass. The second: the streamed pass only.
        // The small one came back inline, so the next large one is tried synchronously again.
        Assert.Equal((2, 1, 2), (firstReads, secondReads, afterInlineReads));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(small, type), inline);
        byte[] expected = JsonSerializer.SerializeToUtf8Bytes(large, type);
        foreach (byte[] response in new[] { first, second, afterInline })
        {
            Assert.True(PayloadPointerReader.TryRead(response, allowBareShape: false, out PayloadPointer? pointer));
            Assert.Equal(expected, File.ReadAllBytes(StoredPath(pointer!)));
            Assert.Equal((expected.Length, Sha256Hex.Of(expected)), (pointer!.Size, pointer.Sha256));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Short_async_sequence_is_inline_with_the_same_bytes_and_completes_synchronously_when_its_items_do(bool suspends)
    {
        // Released only after the test has looked: the suspending sequence cannot finish before that on another thread.
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<string> Rows()
        {
            for (int i = 0; i < 20; i++)
            {
                if (suspends && i == 10)
                {
                    await released.Task;
                }

                yield return "row " + i;
            }
        }

        JsonTypeInfo<IAsyncEnumerable<string>> type = ClaimCheckJson.GetTypeInfo<IAsyncEnumerable<string>>();
        ValueTask<Stream> dehydration = Runtime(64 * 1024).DehydrateAsync(Rows(), type, PayloadSource.Direct, 0, CancellationToken.None);
        bool completedSynchronously = dehydration.IsCompletedSuccessfully;
        released.SetResult();
        await using Stream response = await dehydration;
        using var copy = new MemoryStream();
        await response.CopyToAsync(copy);

        Assert.Equal(!suspends, completedSynchronously);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(0, 20).Select(i => "row " + i).ToList()), copy.ToArray());
        Assert.Empty(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Sequence_that_fails_half_way_leaves_nothing_in_the_store()
    {
        static async IAsyncEnumerable<string> Failing()
        {
            for (int i = 0; i < 10_000; i++)
            {
                await Task.Yield();
                yield return i == 5_000 ? throw new InvalidOperationException("cursor lost") : new string('y', 200);
            }
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => DehydrateAsync(Runtime(1024), Failing(), ClaimCheckJson.GetTypeInfo<IAsyncEnumerable<string>>()));

        Assert.Empty(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Capped_serialization_stops_past_the_cap_and_returns_exact_bytes_within_it()
    {
        Report report = TestPayloads.Report(3 * 1024 * 1024, seed: 22);
        byte[] expected = TestPayloads.Utf8(report);

        using PooledByteBuffer? within = PooledJsonSerializer.TrySerializeWithin(report, TestPayloads.ReportType, expected.Length);
        PooledByteBuffer? past = PooledJsonSerializer.TrySerializeWithin(report, TestPayloads.ReportType, 64 * 1024);

        Assert.Equal(expected, System.Buffers.BuffersExtensions.ToArray(within!.WrittenSequence));
        Assert.Null(past);
    }

    private ClaimCheckRuntime Runtime(long threshold) => new(
        new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket, InlineThresholdBytes = threshold },
        new FilePayloadStore(_folder.Path, partSizeBytes: 64 * 1024));

    private static async Task<byte[]> DehydrateAsync<T>(ClaimCheckRuntime runtime, T value, JsonTypeInfo<T> type)
    {
        await using Stream response = await runtime.DehydrateAsync(value, type, PayloadSource.Direct, 0, CancellationToken.None);
        using var copy = new MemoryStream();
        await response.CopyToAsync(copy);
        return copy.ToArray();
    }

    private string StoredPath(PayloadPointer pointer) => Path.Combine(_folder.Path, pointer.Bucket, pointer.Key);

    /// <summary>A response that counts how often it is serialized (each serialization reads its text once).</summary>
    public sealed class CountedReport(string text)
    {
        private int _reads;

        [System.Text.Json.Serialization.JsonIgnore]
        public int Reads => Volatile.Read(ref _reads);

        public string Text
        {
            get
            {
                Interlocked.Increment(ref _reads);
                return text;
            }
        }
    }
}
