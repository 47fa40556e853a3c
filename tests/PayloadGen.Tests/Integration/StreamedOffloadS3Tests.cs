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
    private static readonly JsonTypeInfo<IAsyncEnumerable<ReportRow?>> s_asyncRowsWithNulls = ClaimCheckJson.GetTypeInfo<IAsyncEnumerable<ReportRow?>>();
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
        await ReachedAsync(() => _http.StartedParts >= 2); // the two parts may still be waiting for the upload to exist

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
    public async Task Serialization_goes_on_while_the_multipart_upload_is_being_created()
    {
        // S3 answers CreateMultipartUpload only once two parts' worth of rows were serialized: the serializer must not
        // be waiting for it (it would wait forever); the parts dispatched meanwhile go up once the upload exists.
        int count = 13 * 1024 * 1024 / RowBytes;
        int produced = 0;
        int twoParts = 2 * PartBytes / RowJsonBytes + 10;
        _http.StartGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IAsyncEnumerable<ReportRow> rows = Rows(count, seed: 15, onItem: () =>
        {
            if (++produced == twoParts)
            {
                _http.StartGate.SetResult();
            }
        });

        PayloadPointer pointer = await DehydrateToPointerAsync(rows, s_asyncRows).WaitAsync(TimeSpan.FromSeconds(60));

        byte[] expected = JsonSerializer.SerializeToUtf8Bytes(await Rows(count, seed: 15).CollectAsync(), s_rows);
        Assert.Equal(expected, await DownloadAsync(pointer.Key));
        Assert.Equal((expected.Length, Sha256Hex.Of(expected)), (pointer.Size, pointer.Sha256));
        Assert.Equal(3, _http.Exchanges.Count(exchange => exchange.IsUploadPart));
        Assert.Single(_http.Requests("POST", "uploads"));
    }

    [Fact]
    public async Task Upload_that_cannot_be_started_while_parts_wait_for_it_fails_with_the_store_error_and_leaves_nothing()
    {
        // The failure arrives after serialization produced two parts (both waiting for the upload) and went on.
        int produced = 0;
        int twoParts = 2 * PartBytes / RowJsonBytes + 10;
        _http.StartGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _http.FailWhen = exchange => exchange.IsStartUpload;
        IAsyncEnumerable<ReportRow> rows = Rows(16 * 1024 * 1024 / RowBytes, seed: 16, onItem: () =>
        {
            if (++produced == twoParts)
            {
                _http.StartGate.SetResult();
            }
        });

        var error = await Assert.ThrowsAsync<PayloadStoreException>(
            () => _runtime.DehydrateAsync(rows, s_asyncRows, PayloadSource.Direct, 0, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal("write", error.Operation);
        Assert.Contains("S3 answered SlowDown (503).", error.Message, StringComparison.Ordinal);
        Assert.InRange(produced, twoParts, 16 * 1024 * 1024 / RowBytes - 1);
        Assert.Equal(0, _http.StartedParts);
        Assert.Empty(_http.Requests("DELETE", "uploadId="));
        Assert.Empty(_http.Requests("POST", "uploadId="));
        Assert.Empty(_http.Requests("PUT", ""));
        Assert.Empty(await OpenUploadsAsync(UploadKey()));
    }

    [Fact]
    public async Task Cancellation_while_the_upload_is_being_created_aborts_it_once_it_exists()
    {
        // The deadline arrives while CreateMultipartUpload is still unanswered and two parts wait for it. Cancelling
        // that request could leave an upload S3 created but nobody knows the id of; it is let finish, then aborted.
        using var deadline = new CancellationTokenSource();
        int produced = 0;
        int twoParts = 2 * PartBytes / RowJsonBytes + 10;
        _http.StartGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IAsyncEnumerable<ReportRow> rows = Rows(16 * 1024 * 1024 / RowBytes, seed: 17, onItem: () =>
        {
            if (++produced == twoParts)
            {
                deadline.Cancel();
                _http.StartGate.SetResult();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _runtime.DehydrateAsync(rows, s_asyncRows, PayloadSource.Direct, 0, deadline.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(0, _http.StartedParts);
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
    public async Task Cancellation_while_parts_are_uploading_aborts_the_upload_and_leaves_no_parts()
    {
        // S3 holds the parts: the deadline arrives while two are in flight and the upload is open.
        _http.PartGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = new CancellationTokenSource();
        Task<Stream> offload = _runtime.DehydrateAsync(Rows(8 * PartBytes / RowJsonBytes, seed: 13), s_asyncRows, PayloadSource.Direct, 0, deadline.Token).AsTask();
        // Two parts reach S3 (once the upload exists, which may take a while on a loaded machine), and no third.
        await ReachedAsync(() => _http.StartedParts >= 2);
        await SettledValueAsync(() => _http.StartedParts);
        Assert.Equal(2, _http.StartedParts);
        Assert.Single(await OpenUploadsAsync(UploadKey()));

        await deadline.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => offload);
        await AssertAbortedWithoutObjectAsync();
    }

    [Fact]
    public async Task Serializer_failure_after_parts_were_uploaded_aborts_the_upload()
    {
        // An ordinary response whose 171st row cannot be serialized, after two parts (160 rows) went to S3: the row
        // fails only once S3 has answered both (serialization no longer waits for the upload, so it could get there first).
        var rows = new List<UnserializableRow>();
        for (int number = 0; number < 256; number++)
        {
            rows.Add(new UnserializableRow
            {
                Number = number,
                Attachment = new byte[RowBytes * 3 / 4 - 64],
                Broken = number == 2 * PartBytes / RowBytes + 10,
                BeforeFailing = () => SpinWait.SpinUntil(() => _http.Exchanges.Count(exchange => exchange.IsUploadPart) >= 2, TimeSpan.FromSeconds(30)),
            });
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _runtime.DehydrateAsync(rows, ClaimCheckJson.GetTypeInfo<List<UnserializableRow>>(), PayloadSource.Direct, 0, CancellationToken.None).AsTask());

        Assert.Equal(UnserializableRow.Failure, error.Message);
        Assert.InRange(_http.StartedParts, 2, 3);
        await AssertAbortedWithoutObjectAsync();
    }

    [Fact]
    public async Task Null_item_of_a_stored_array_is_refused_when_the_item_type_is_not_nullable()
    {
        int count = 12 * 1024 * 1024 / RowBytes;
        PayloadPointer pointer = await DehydrateToPointerAsync(Rows(count, seed: 14, nullAt: 100), s_asyncRowsWithNulls);

        await using (HydratedSequence<ReportRow> strict = await HydrateAsync(pointer, allowNullItems: false))
        {
            var yielded = new List<ReportRow>();
            var error = await Assert.ThrowsAsync<PayloadNullException>(async () =>
            {
                await foreach (ReportRow row in strict)
                {
                    yielded.Add(row);
                }
            });

            Assert.Equal(100, error.ItemIndex);
            Assert.Equal(typeof(ReportRow), error.TargetType);
            Assert.Equal(Enumerable.Range(0, 100), yielded.Select(row => row.Number));
        }

        await using HydratedSequence<ReportRow> lenient = await HydrateAsync(pointer, allowNullItems: true);
        List<ReportRow> all = await lenient.CollectAsync();
        Assert.Equal(count, all.Count);
        Assert.Equal([100], all.Select((row, index) => (row, index)).Where(pair => pair.row is null).Select(pair => pair.index));
    }

    [Fact]
    public async Task Null_item_of_an_inline_array_is_refused_the_same_way_without_any_S3_call()
    {
        byte[] json = "[{\"Number\":0,\"Text\":\"a\"},null]"u8.ToArray();

        await using HydratedSequence<ReportRow> request = await _runtime.HydrateSequenceAsync(new MemoryStream(json), s_row, allowBarePointer: true, CancellationToken.None);
        var error = await Assert.ThrowsAsync<PayloadNullException>(async () => await request.CollectAsync());

        Assert.Equal(1, error.ItemIndex);
        Assert.Contains("IAsyncEnumerable<ReportRow?>", error.Message, StringComparison.Ordinal);
        Assert.Empty(_http.Exchanges);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Null_payload_instead_of_an_array_is_refused_like_any_null_payload(bool stored)
    {
        byte[] payload = "null"u8.ToArray();
        if (stored)
        {
            payload = PayloadPointerWriter.ToUtf8(await _runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(payload), CancellationToken.None));
        }

        await using HydratedSequence<ReportRow> request = await _runtime.HydrateSequenceAsync(new MemoryStream(payload), s_row, allowBarePointer: true, allowNullItems: true, CancellationToken.None);
        var error = await Assert.ThrowsAsync<PayloadNullException>(async () => await request.CollectAsync());

        Assert.Null(error.ItemIndex);
        Assert.Equal(typeof(IAsyncEnumerable<ReportRow>), error.TargetType);
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
        await foreach (ReportRow? row in Rows(count, seed, nullAt: -1, onItem, cancellationToken))
        {
            yield return row!;
        }
    }

    /// <summary>The rows of <see cref="Rows(int, int, Action?, CancellationToken)"/>, with JSON null in place of row <paramref name="nullAt"/>.</summary>
    private static async IAsyncEnumerable<ReportRow?> Rows(int count, int seed, int nullAt, Action? onItem = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        for (int number = 0; number < count; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attachment = new byte[RowBytes * 3 / 4 - 64];
            random.NextBytes(attachment);
            onItem?.Invoke();
            yield return number == nullAt ? null : new ReportRow { Number = number, Text = $"row {number}", Attachment = attachment };
            await Task.Yield();
        }
    }

    /// <summary>A row whose serialization fails when it is <see cref="Broken"/>, as a converter or getter can.</summary>
    public sealed class UnserializableRow
    {
        public const string Failure = "the row's amount could not be converted";

        public int Number { get; init; }

        public byte[] Attachment { get; init; } = [];

        [System.Text.Json.Serialization.JsonIgnore]
        public bool Broken { get; init; }

        /// <summary>Runs before a broken row fails, on the serializing thread.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Action? BeforeFailing { get; init; }

        public string Text => Broken ? Fail() : "row " + Number;

        private string Fail()
        {
            BeforeFailing?.Invoke();
            throw new InvalidOperationException(Failure);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (30 seconds at most).</summary>
    private static async Task ReachedAsync(Func<bool> condition)
    {
        var overall = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && overall.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
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
        string key = UploadKey();
        // Aborted: at once, or at the one retry when a part cancelled mid-send was still being stored (s3rver answers
        // 500, sometimes after removing the upload, so the retry may find it gone: 404). No open upload is the proof.
        IReadOnlyList<MultipartHttpRecorder.S3Exchange> aborts = _http.Requests("DELETE", "uploadId=");
        Assert.InRange(aborts.Count, 1, 2);
        Assert.Contains(aborts[^1].Status, aborts.Count == 1 ? [HttpStatusCode.NoContent] : new HttpStatusCode?[] { HttpStatusCode.NoContent, HttpStatusCode.NotFound });
        Assert.Empty(_http.Requests("POST", "uploadId="));
        Assert.Empty(await OpenUploadsAsync(key));
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _client.GetObjectAsync(S3rverFixture.Bucket, key));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The key of the one multipart upload this test started.</summary>
    private string UploadKey()
    {
        MultipartHttpRecorder.S3Exchange initiate = Assert.Single(_http.Requests("POST", "uploads"));
        return Uri.UnescapeDataString(initiate.Path[("/" + S3rverFixture.Bucket + "/").Length..]);
    }

    /// <summary>The multipart uploads under <paramref name="key"/> that are neither completed nor aborted (ListMultipartUploads).</summary>
    private async Task<List<MultipartUpload>> OpenUploadsAsync(string key)
    {
        ListMultipartUploadsResponse listed = await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = S3rverFixture.Bucket, Prefix = key });
        return (listed.MultipartUploads ?? []).Where(upload => upload.Key == key).ToList();
    }

    private Task<HydratedSequence<ReportRow>> HydrateAsync(PayloadPointer pointer, bool allowNullItems)
        => _runtime.HydrateSequenceAsync(new MemoryStream(PayloadPointerWriter.ToUtf8(pointer)), s_row, allowBarePointer: true, allowNullItems, CancellationToken.None).AsTask();

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
