using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Integration;

/// <summary>
/// One S3 multipart upload on s3rver, driven part by part as a streamed offload drives it: part numbers S3 does not
/// have are refused before anything is sent, an object is completed only from parts that were uploaded, a completed
/// upload is never aborted, and an upload that is not completed is aborted exactly once, without a failed abort
/// hiding the failure that caused it.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class MultipartUploadS3Tests : IDisposable
{
    private const int PartBytes = 5 * 1024 * 1024;

    private static readonly PayloadDescription Description = new() { Direction = OffloadDirection.Response, ContentType = "application/json" };

    private readonly MultipartHttpRecorder _http = new();
    private readonly S3rverFixture _s3;
    private readonly AmazonS3Client _client;
    private readonly S3PayloadStore _store;

    public MultipartUploadS3Tests(S3rverFixture s3)
    {
        _s3 = s3;
        _client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = _http, MaxErrorRetry = 0 });
        _store = new S3PayloadStore(_client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false, PartSizeBytes = PartBytes });
    }

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task A_part_number_S3_does_not_have_is_refused_before_it_is_sent(int partNumber)
    {
        string key = NewKey();
        await using IPayloadUpload upload = await _store.StartUploadAsync(key, Description, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(
            () => upload.UploadPartAsync(partNumber, 10_000L * PartBytes, Content(1_000, seed: 1), CancellationToken.None));

        // The parts grow (5 MiB for the first 1,000, doubling every 1,000): 10,000 of them hold about 4.4 TiB, and only
        // a larger first part holds more. The read cap, PAYLOADGEN_MAX_PAYLOAD_BYTES, is not the setting to raise.
        Assert.Equal(
            $"The streamed payload '{key}' needs more than S3's 10,000 parts: it is 52,428,801,000 bytes so far, and parts of 5,242,880 bytes, "
            + "doubling every 1,000 parts, hold 4,825,546,752,000 bytes. Raise S3PayloadStoreOptions.PartSizeBytes (the first part size) if payloads "
            + "this large are expected; PAYLOADGEN_MAX_PAYLOAD_BYTES caps what is read back, not what S3 can hold.",
            error.Message);
        Assert.Equal((10_000L * PartBytes) + 1_000, error.Size);
        Assert.Equal(PartSchedule.CapacityOf(10_000, PartBytes), error.MaxBytes);
        Assert.DoesNotContain(_http.Exchanges, exchange => exchange.IsUploadPart);
    }

    [Fact]
    public async Task The_last_part_number_S3_has_is_uploaded()
    {
        await using IPayloadUpload upload = await _store.StartUploadAsync(NewKey(), Description, CancellationToken.None);

        await upload.UploadPartAsync(10_000, 0, Content(100, seed: 2), CancellationToken.None);

        MultipartHttpRecorder.S3Exchange part = Assert.Single(_http.Exchanges, exchange => exchange.IsUploadPart);
        Assert.Contains("partNumber=10000", part.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, part.Status);
    }

    [Fact]
    public async Task A_completed_upload_is_the_exact_bytes_and_is_never_aborted()
    {
        string key = NewKey();
        byte[] first = Content(PartBytes, seed: 3).ToArray();
        byte[] last = Content(123_456, seed: 4).ToArray();
        byte[] whole = [.. first, .. last];
        PayloadPointer pointer;
        await using (IPayloadUpload upload = await _store.StartUploadAsync(key, Description, CancellationToken.None))
        {
            // Parts arrive in any order; the object is assembled by number.
            await upload.UploadPartAsync(2, first.Length, new ReadOnlySequence<byte>(last), CancellationToken.None);
            await upload.UploadPartAsync(1, 0, new ReadOnlySequence<byte>(first), CancellationToken.None);
            pointer = await upload.CompleteAsync(2, whole.Length, Sha256Hex.Of(whole), CancellationToken.None);
        }

        Assert.Equal((S3rverFixture.Bucket, key, whole.Length, Sha256Hex.Of(whole), "application/json"), (pointer.Bucket, pointer.Key, pointer.Size, pointer.Sha256, pointer.ContentType));
        Assert.Equal(whole, await DownloadAsync(key));
        Assert.Empty(_http.Requests("DELETE", "uploadId="));
    }

    [Fact]
    public async Task Forty_parts_arriving_at_once_in_reverse_order_complete_into_the_exact_bytes()
    {
        // The list of uploaded parts grows as they arrive (rather than holding S3's 10,000 slots from the start):
        // past its first size, out of order, from concurrent uploads.
        string key = NewKey();
        byte[][] parts = Enumerable.Range(1, 40).Select(number => Content(1_000 + number, seed: 100 + number).ToArray()).ToArray();
        byte[] whole = parts.SelectMany(part => part).ToArray();
        long[] offsets = parts.Select((_, index) => (long)parts.Take(index).Sum(part => part.Length)).ToArray();
        PayloadPointer pointer;
        await using (IPayloadUpload upload = await _store.StartUploadAsync(key, Description, CancellationToken.None))
        {
            await Task.WhenAll(Enumerable.Range(1, parts.Length).Reverse().Select(
                number => upload.UploadPartAsync(number, offsets[number - 1], new ReadOnlySequence<byte>(parts[number - 1]), CancellationToken.None)));
            pointer = await upload.CompleteAsync(parts.Length, whole.Length, Sha256Hex.Of(whole), CancellationToken.None);
        }

        Assert.Equal((whole.Length, Sha256Hex.Of(whole)), (pointer.Size, pointer.Sha256));
        Assert.Equal(whole, await DownloadAsync(key));
        Assert.Equal(40, _http.Exchanges.Count(exchange => exchange.IsUploadPart));
    }

    [Fact]
    public async Task Each_part_carries_its_CRC32_once_computed_before_the_client_sees_it()
    {
        // s3rver does not check checksums, so what matters is what reached the wire: the CRC-32 of exactly the part's
        // bytes, in the one header S3 verifies, as the S3 client itself would have computed it.
        byte[] first = Content(PartBytes, seed: 9).ToArray();
        byte[] last = Content(70_001, seed: 10).ToArray();
        await using (IPayloadUpload upload = await _store.StartUploadAsync(NewKey(), Description, CancellationToken.None))
        {
            await upload.UploadPartAsync(1, 0, new ReadOnlySequence<byte>(first), CancellationToken.None);
            await upload.UploadPartAsync(2, first.Length, new ReadOnlySequence<byte>(last), CancellationToken.None);
        }

        string[] sent = _http.Exchanges.Where(exchange => exchange.IsUploadPart).OrderBy(exchange => exchange.Query, StringComparer.Ordinal).Select(exchange => exchange.Crc32!).ToArray();
        Assert.Equal([SdkCrc32(first), SdkCrc32(last)], sent);
    }

    [Fact]
    public async Task Completing_with_a_part_that_was_not_uploaded_is_refused_and_the_upload_aborted()
    {
        string key = NewKey();
        await using (IPayloadUpload upload = await _store.StartUploadAsync(key, Description, CancellationToken.None))
        {
            await upload.UploadPartAsync(1, 0, Content(PartBytes, seed: 5), CancellationToken.None);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => upload.CompleteAsync(2, PartBytes + 10, new string('a', 64), CancellationToken.None));

            Assert.Equal($"Part 2 of '{key}' was not uploaded.", error.Message);
        }

        Assert.Empty(_http.Requests("POST", "uploadId="));
        Assert.Single(_http.Requests("DELETE", "uploadId="));
        await AssertNoObjectAsync(key);
    }

    [Fact]
    public async Task An_upload_aborted_and_then_disposed_sends_one_abort()
    {
        string key = NewKey();
        IPayloadUpload upload = await _store.StartUploadAsync(key, Description, CancellationToken.None);
        await upload.UploadPartAsync(1, 0, Content(1_000, seed: 6), CancellationToken.None);

        await upload.AbortAsync();
        await upload.AbortAsync();
        await upload.DisposeAsync();

        Assert.Single(_http.Requests("DELETE", "uploadId="));
        await AssertNoObjectAsync(key);
    }

    [Fact]
    public async Task A_completion_S3_refuses_is_a_store_failure_naming_the_write_and_leaves_no_object()
    {
        string key = NewKey();
        _http.FailWhen = exchange => exchange.Method == "POST" && exchange.Query.Contains("uploadId=", StringComparison.Ordinal);
        PayloadStoreException error;
        await using (IPayloadUpload upload = await _store.StartUploadAsync(key, Description, CancellationToken.None))
        {
            await upload.UploadPartAsync(1, 0, Content(1_000, seed: 11), CancellationToken.None);

            error = await Assert.ThrowsAsync<PayloadStoreException>(() => upload.CompleteAsync(1, 1_000, new string('a', 64), CancellationToken.None));
        }

        Assert.Equal(("write", S3rverFixture.Bucket, key), (error.Operation, error.Bucket, error.Key));
        Assert.Contains("S3 answered SlowDown (503).", error.Message, StringComparison.Ordinal);
        Assert.Single(_http.Requests("DELETE", "uploadId="));
        await AssertNoObjectAsync(key);
    }

    [Fact]
    public async Task No_continuation_of_an_upload_is_posted_to_the_callers_context()
    {
        // Each call starts on the context and suspends on its S3 request, so each of its awaits is checked. A client of
        // its own: the recorder's handler is test code that does resume on the context.
        using AmazonS3Client client = _s3.CreateClient(new AmazonS3Config { MaxErrorRetry = 0 });
        var store = new S3PayloadStore(client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false, PartSizeBytes = PartBytes });
        string key = NewKey();
        byte[] content = Content(1_000, seed: 12).ToArray();
        await using IPayloadUpload completed = await store.StartUploadAsync(key, Description, CancellationToken.None);
        await using IPayloadUpload abandoned = await store.StartUploadAsync(NewKey(), Description, CancellationToken.None);

        int posts = await CountingSynchronizationContext.PostsDuringAsync(() => completed.UploadPartAsync(1, 0, new ReadOnlySequence<byte>(content), CancellationToken.None));
        posts += await CountingSynchronizationContext.PostsDuringAsync(() => completed.CompleteAsync(1, content.Length, Sha256Hex.Of(content), CancellationToken.None));
        posts += await CountingSynchronizationContext.PostsDuringAsync(() => abandoned.AbortAsync().AsTask());

        Assert.Equal(0, posts);
        Assert.Equal(content, await DownloadAsync(key));
    }

    [Fact]
    public async Task A_part_S3_refuses_is_a_store_failure_naming_the_write_and_the_object()
    {
        string key = NewKey();
        _http.FailWhen = exchange => exchange.IsUploadPart;
        await using IPayloadUpload upload = await _store.StartUploadAsync(key, Description, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => upload.UploadPartAsync(1, 0, Content(1_000, seed: 7), CancellationToken.None));

        Assert.Equal(("write", S3rverFixture.Bucket, key), (error.Operation, error.Bucket, error.Key));
        Assert.Contains("S3 answered SlowDown (503).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_abort_does_not_hide_the_failure_of_the_streamed_response_that_caused_it()
    {
        // Every part and the abort fail: the handler's caller must see the part's failure, not the abort's.
        _http.FailWhen = exchange => exchange.IsUploadPart || exchange.Method == "DELETE";
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, InlineThresholdBytes = 64 * 1024 }, _store);

        var error = await Assert.ThrowsAsync<PayloadStoreException>(
            () => runtime.DehydrateAsync(TestPayloads.Report(12 * 1024 * 1024, seed: 8), TestPayloads.ReportType, PayloadSource.Direct, 0, CancellationToken.None).AsTask());

        Assert.Equal("write", error.Operation);
        // Tried twice (a failed abort is retried once), refused both times, and still the part's failure is reported.
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable], _http.Requests("DELETE", "uploadId=").Select(abort => abort.Status));
        Assert.Empty(_http.Requests("POST", "uploadId="));
    }

    /// <summary>The CRC-32 header value the S3 client computes when it is left to compute one.</summary>
    private static string SdkCrc32(byte[] content)
    {
        using var crc = new Amazon.Runtime.Internal.Util.Crc32Managed();
        return Convert.ToBase64String(crc.ComputeHash(content));
    }

    private static string NewKey() => "payloadgen/multipart-tests/" + Guid.NewGuid().ToString("N") + ".json";

    private static ReadOnlySequence<byte> Content(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return new ReadOnlySequence<byte>(bytes);
    }

    private async Task<byte[]> DownloadAsync(string key)
    {
        using GetObjectResponse response = await _client.GetObjectAsync(S3rverFixture.Bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task AssertNoObjectAsync(string key)
    {
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _client.GetObjectAsync(S3rverFixture.Bucket, key));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
