using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Integration;

/// <summary>
/// Responses past the inline threshold are uploaded in parts while they are serialized, and
/// <c>IAsyncEnumerable&lt;T&gt;</c> requests are read item by item from the stored object: against s3rver, with
/// 5 MiB parts (S3's minimum) and a small threshold so that a few megabytes exercise every path.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class StreamedOffloadS3Tests : IDisposable
{
    private const int PartBytes = 5 * 1024 * 1024;
    private const int RowBytes = 64 * 1024;

    private static readonly JsonTypeInfo<IAsyncEnumerable<ReportRow>> s_asyncRows = ClaimCheckJson.GetTypeInfo<IAsyncEnumerable<ReportRow>>();
    private static readonly JsonTypeInfo<IEnumerable<ReportRow>> s_rows = ClaimCheckJson.GetTypeInfo<IEnumerable<ReportRow>>();
    private static readonly JsonTypeInfo<ReportRow> s_row = ClaimCheckJson.GetTypeInfo<ReportRow>();

    /// <summary>The serialized length of one of <see cref="Rows"/>' rows (numbers below 1,000).</summary>
    private static readonly int RowJsonBytes = JsonSerializer.SerializeToUtf8Bytes(new ReportRow { Number = 100, Text = "row 100", Attachment = new byte[RowBytes * 3 / 4 - 64] }, s_row).Length + 1;

    private readonly S3rverFixture _s3;
    private readonly MultipartHttpRecorder _http = new();
    private readonly AmazonS3Client _client;
    private readonly ClaimCheckRuntime _runtime;

    public StreamedOffloadS3Tests(S3rverFixture s3)
    {
        _s3 = s3;
        _client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = _http, MaxErrorRetry = 0 });
        var store = new S3PayloadStore(_client, new S3PayloadStoreOptions
        {
            Bucket = S3rverFixture.Bucket,
            UseChunkEncoding = false,
            PartSizeBytes = PartBytes,
            MaxConcurrentParts = 2,
        });
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, InlineThresholdBytes = 64 * 1024 }, store);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Enumerable_response_over_the_threshold_is_uploaded_in_parts_while_it_is_serialized()
    {
        int count = 13 * 1024 * 1024 / RowBytes; // parts of 5, 5 and 3 MiB

        PayloadPointer pointer = await DehydrateToPointerAsync(Rows(count, seed: 1), s_asyncRows);

        byte[] expected = JsonSerializer.SerializeToUtf8Bytes(await Rows(count, seed: 1).CollectAsync(), s_rows);
        Assert.Equal(expected, await DownloadAsync(pointer.Key));
        Assert.Equal(expected.Length, pointer.Size);
        Assert.Equal(Sha256Hex.Of(expected), pointer.Sha256);
        Assert.Equal(3, _http.Exchanges.Count(exchange => exchange.IsUploadPart));
        Assert.Single(_http.Requests("POST", "uploads"));
        Assert.Single(_http.Requests("POST", "uploadId="));
        Assert.DoesNotContain(_http.Requests("PUT", ""), exchange => !exchange.IsUploadPart);
    }

    [Fact]
    public async Task Serialization_waits_while_the_parts_in_flight_are_uploading()
    {
        // S3 holds every part: with two parts in flight and one filling, the handler's rows must stop coming.
        _http.PartGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int rowsPerPart = PartBytes / RowJsonBytes;
        int produced = 0;
        Task<Stream> offload = _runtime.DehydrateAsync(
            Rows(8 * rowsPerPart, seed: 2, onItem: () => Interlocked.Increment(ref produced)), s_asyncRows, PayloadSource.Direct, 0, CancellationToken.None).AsTask();

        int stalledAt = await SettledValueAsync(() => Volatile.Read(ref produced));

        Assert.False(offload.IsCompleted);
        Assert.Equal(2, _http.StartedParts);
        Assert.InRange(stalledAt, 3 * rowsPerPart - 2, 3 * rowsPerPart + 2);
        _http.PartGate.SetResult();
        await using Stream response = await offload;
        Assert.True(PayloadPointerReader.TryRead(ReadAll(response), allowBareShape: false, out PayloadPointer? pointer));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(await Rows(8 * rowsPerPart, seed: 2).CollectAsync(), s_rows), await DownloadAsync(pointer!.Key));
    }

    [Fact]
    public async Task Response_of_an_ordinary_type_is_streamed_the_same_way()
    {
        Report report = TestPayloads.Report(11 * 1024 * 1024, seed: 4);

        PayloadPointer pointer = await DehydrateToPointerAsync(report, TestPayloads.ReportType);

        Assert.Equal(TestPayloads.Utf8(report), await DownloadAsync(pointer.Key));
        Assert.Equal(3, _http.Exchanges.Count(exchange => exchange.IsUploadPart));
    }

    [Fact]
    public async Task Offloaded_response_shorter_than_one_part_is_a_single_PutObject()
    {
        Report report = TestPayloads.Report(1024 * 1024, seed: 5);

        PayloadPointer pointer = await DehydrateToPointerAsync(report, TestPayloads.ReportType);

        Assert.Equal(TestPayloads.Utf8(report), await DownloadAsync(pointer.Key));
        Assert.Single(_http.Requests("PUT", ""));
        Assert.Empty(_http.Requests("POST", "uploads"));
    }

    [Fact]
    public async Task Small_enumerable_response_is_inline_with_the_bytes_of_the_array_and_no_S3_call()
    {
        await using Stream response = await _runtime.DehydrateAsync(Rows(3, seed: 6), s_asyncRows, PayloadSource.Direct, 1024 * 1024, CancellationToken.None);

        byte[] expected = JsonSerializer.SerializeToUtf8Bytes(await Rows(3, seed: 6).CollectAsync(), s_rows);
        Assert.Equal(expected, ReadAll(response));
        Assert.Empty(_http.Exchanges);
    }

    [Fact]
    public async Task Part_that_fails_aborts_the_upload_and_leaves_no_object()
    {
        _http.FailWhen = exchange => exchange.IsUploadPart && exchange.Query.Contains("partNumber=2", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<PayloadStoreException>(
            () => _runtime.DehydrateAsync(Rows(16 * 1024 * 1024 / RowBytes, seed: 7), s_asyncRows, PayloadSource.Direct, 0, CancellationToken.None).AsTask());

        Assert.Contains("SlowDown", error.Message, StringComparison.Ordinal);
        await AssertAbortedWithoutObjectAsync();
    }

    [Fact]
    public async Task Cancellation_mid_stream_aborts_the_upload_and_leaves_no_object()
    {
        using var deadline = new CancellationTokenSource();
        int produced = 0;
        IAsyncEnumerable<ReportRow> rows = Rows(40 * 1024 * 1024 / RowBytes, seed: 8, onItem: () =>
        {
            // The deadline arrives after two parts' worth of rows.
            if (++produced == 2 * PartBytes / RowBytes + 10)
            {
                deadline.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _runtime.DehydrateAsync(rows, s_asyncRows, PayloadSource.Direct, 0, deadline.Token).AsTask());

        Assert.True(produced < 40 * 1024 * 1024 / RowBytes, "Serialization went on after the deadline.");
        await AssertAbortedWithoutObjectAsync();
    }

    [Fact]
    public async Task Handler_failure_mid_stream_aborts_the_upload()
    {
        int produced = 0;
        IAsyncEnumerable<ReportRow> rows = Rows(40 * 1024 * 1024 / RowBytes, seed: 9, onItem: () =>
        {
            if (++produced == 2 * PartBytes / RowBytes + 10)
            {
                throw new InvalidOperationException("the database cursor broke");
            }
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _runtime.DehydrateAsync(rows, s_asyncRows, PayloadSource.Direct, 0, CancellationToken.None).AsTask());

        Assert.Equal("the database cursor broke", error.Message);
        await AssertAbortedWithoutObjectAsync();
    }

    [Fact]
    public async Task Stored_array_is_read_item_by_item_into_an_enumerable_request()
    {
        int count = 12 * 1024 * 1024 / RowBytes;
        PayloadPointer pointer = await DehydrateToPointerAsync(Rows(count, seed: 10), s_asyncRows);
        List<ReportRow> expected = await Rows(count, seed: 10).CollectAsync();

        await using HydratedSequence<ReportRow> request = await _runtime.HydrateSequenceAsync(
            new MemoryStream(PayloadPointerWriter.ToUtf8(pointer)), s_row, allowBarePointer: true, CancellationToken.None);
        List<ReportRow> read = await request.CollectAsync();

        Assert.Equal(pointer, request.Pointer);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(expected, s_rows), JsonSerializer.SerializeToUtf8Bytes(read, s_rows));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await request.CollectAsync());
    }

    [Fact]
    public async Task Tampered_array_throws_from_the_enumeration_when_the_array_ends()
    {
        int count = 40;
        PayloadPointer pointer = await DehydrateToPointerAsync(Rows(count, seed: 11), s_asyncRows);
        string file = _s3.ObjectFile(pointer.Bucket, pointer.Key);
        byte[] bytes = File.ReadAllBytes(file);
        // The last row's number, same length and still valid JSON: only the hash at the end can tell.
        int digit = Array.LastIndexOf(bytes, (byte)'3', bytes.Length - 1);
        bytes[digit] = (byte)'4';
        File.WriteAllBytes(file, bytes);
        File.Delete(file + ".md5"); // s3rver then serves a matching ETag: PayloadGen's SHA-256 is the only guard left.

        await using HydratedSequence<ReportRow> request = await _runtime.HydrateSequenceAsync(
            new MemoryStream(PayloadPointerWriter.ToUtf8(pointer)), s_row, allowBarePointer: true, CancellationToken.None);
        var yielded = new List<ReportRow>();
        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(async () =>
        {
            await foreach (ReportRow row in request)
            {
                yielded.Add(row);
            }
        });

        Assert.Contains("SHA-256 differs", error.Message, StringComparison.Ordinal);
        Assert.Equal(count, yielded.Count); // Every item came before the verdict: the handler must stage its work.
    }

    [Fact]
    public async Task Inline_array_is_an_enumerable_request_without_any_S3_call()
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(await Rows(5, seed: 12).CollectAsync(), s_rows);

        await using HydratedSequence<ReportRow> request = await _runtime.HydrateSequenceAsync(new MemoryStream(json), s_row, allowBarePointer: true, CancellationToken.None);

        Assert.Equal(json, JsonSerializer.SerializeToUtf8Bytes(await request.CollectAsync(), s_rows));
        Assert.Null(request.Pointer);
        Assert.Empty(_http.Exchanges);
    }

    [Fact]
    public async Task Pointer_to_a_bucket_not_allowed_is_refused_before_the_handler_runs()
    {
        byte[] forged = PayloadPointerWriter.ToUtf8(new PayloadPointer(S3rverFixture.ForeignBucket, "payloadgen/x.json") { Size = 10, Sha256 = new string('a', 64) });

        await Assert.ThrowsAsync<PayloadBucketNotAllowedException>(
            () => _runtime.HydrateSequenceAsync(new MemoryStream(forged), s_row, allowBarePointer: true, CancellationToken.None).AsTask());

        Assert.Empty(_http.Exchanges);
    }

    internal static async IAsyncEnumerable<ReportRow> Rows(int count, int seed, Action? onItem = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        for (int number = 0; number < count; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attachment = new byte[RowBytes * 3 / 4 - 64];
            random.NextBytes(attachment);
            onItem?.Invoke();
            yield return new ReportRow { Number = number, Text = $"row {number}", Attachment = attachment };
            await Task.Yield();
        }
    }

    /// <summary>Polls <paramref name="read"/> until it has not changed for half a second.</summary>
    private static async Task<int> SettledValueAsync(Func<int> read)
    {
        int last = read();
        var unchangedSince = System.Diagnostics.Stopwatch.StartNew();
        var overall = System.Diagnostics.Stopwatch.StartNew();
        while (unchangedSince.ElapsedMilliseconds < 500 && overall.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            int now = read();
            if (now != last)
            {
                last = now;
                unchangedSince.Restart();
            }
        }

        return last;
    }

    private async Task<PayloadPointer> DehydrateToPointerAsync<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        await using Stream response = await _runtime.DehydrateAsync(value, typeInfo, PayloadSource.Direct, 0, CancellationToken.None);
        Assert.True(PayloadPointerReader.TryRead(ReadAll(response), allowBareShape: false, out PayloadPointer? pointer));
        return pointer!;
    }

    private async Task AssertAbortedWithoutObjectAsync()
    {
        MultipartHttpRecorder.S3Exchange initiate = Assert.Single(_http.Requests("POST", "uploads"));
        Assert.Single(_http.Requests("DELETE", "uploadId="));
        Assert.Empty(_http.Requests("POST", "uploadId="));
        string key = Uri.UnescapeDataString(initiate.Path[("/" + S3rverFixture.Bucket + "/").Length..]);
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _client.GetObjectAsync(S3rverFixture.Bucket, key));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<byte[]> DownloadAsync(string key)
    {
        using GetObjectResponse response = await _client.GetObjectAsync(S3rverFixture.Bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
