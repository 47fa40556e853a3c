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
}
