using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Http;

/// <summary>
/// The streamed variant of the HTTP offload (<see cref="ClaimCheckRuntime.StartStreamedHttpBody"/>, what
/// <c>UseClaimCheck()</c> uses once a body passes its threshold) on s3rver: the body goes up in parts as it is written
/// and ends as the whole-body offload does (content headers on the object, a presigned URL, the pointer's length and
/// hash, one observer event); disposed unfinished, its upload is aborted; everything that would refuse a stored body
/// refuses it before a byte is written, and a store that takes no parts is left to the whole-body path.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class StreamedHttpBodyS3Tests : IDisposable
{
    private const int PartBytes = 5 * 1024 * 1024;

    private static readonly HttpContentHeaders s_csv = new("text/csv", "attachment; filename=export.csv", ContentEncoding: null);

    private readonly S3rverFixture _s3;
    private readonly MultipartHttpRecorder _http = new();
    private readonly AmazonS3Client _client;
    private readonly EventObserver _observer = new();
    private readonly string _prefix = $"streamed-http-{Guid.NewGuid():N}/";

    public StreamedHttpBodyS3Tests(S3rverFixture s3)
    {
        _s3 = s3;
        _client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = _http, MaxErrorRetry = 0 });
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Body_written_in_pieces_is_stored_in_parts_with_its_content_headers_and_a_presigned_url()
    {
        byte[] body = new byte[13_000_000];
        new Random(5).NextBytes(body);
        ClaimCheckRuntime runtime = Runtime();

        OffloadedHttpBody offloaded;
        await using (StreamedHttpBody upload = runtime.StartStreamedHttpBody(s_csv, PayloadSource.ApiGatewayHttp, TimeSpan.FromMinutes(2), knownLongerThan: 6_000_000)!)
        {
            for (int offset = 0; offset < body.Length; offset += 100_000)
            {
                await upload.WriteAsync(body.AsMemory(offset, Math.Min(100_000, body.Length - offset)), CancellationToken.None);
            }

            Assert.Equal(body.Length, upload.BytesWritten);
            offloaded = await upload.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(body.Length, offloaded.Pointer.Size);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body)).ToLowerInvariant(), offloaded.Pointer.Sha256);
        Assert.StartsWith(_prefix, offloaded.Pointer.Key, StringComparison.Ordinal);
        Assert.EndsWith(".csv", offloaded.Pointer.Key, StringComparison.Ordinal);
        Assert.Equal(offloaded.Location.AbsoluteUri, offloaded.Pointer.Url);
        Assert.InRange(offloaded.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(2));

        using var plain = new HttpClient();
        using HttpResponseMessage stored = await plain.GetAsync(offloaded.Location);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(body, await stored.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv", stored.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=export.csv", stored.Content.Headers.ContentDisposition?.ToString());

        Assert.Equal(3, _http.Exchanges.Count(exchange => exchange.IsUploadPart));
        Assert.Single(_http.Requests("POST", "uploadId="));
        ClaimCheckEvent reported = Assert.Single(_observer.Events);
        Assert.Equal((PayloadDirection.Dehydrated, (long)body.Length, offloaded.Location.AbsoluteUri), (reported.Direction, reported.Bytes, reported.Pointer?.Url));
    }

    [Fact]
    public async Task Body_disposed_before_it_completes_leaves_no_object_and_no_open_upload()
    {
        byte[] body = new byte[3 * PartBytes];
        ClaimCheckRuntime runtime = Runtime();

        await using (StreamedHttpBody upload = runtime.StartStreamedHttpBody(s_csv, PayloadSource.ApiGatewayHttp, urlLifetime: null, knownLongerThan: 6_000_000)!)
        {
            await upload.WriteAsync(body, CancellationToken.None);

            // S3 holds the three parts when the body is abandoned: the abort has them to remove.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (_http.Exchanges.Count(exchange => exchange.IsUploadPart && exchange.Status == HttpStatusCode.OK) < 3)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The parts were not stored in time.");
                await Task.Delay(20);
            }
        }

        Assert.Equal(HttpStatusCode.NoContent, Assert.Single(_http.Requests("DELETE", "uploadId=")).Status);
        Assert.Empty(_http.Requests("POST", "uploadId="));
        // S3's own answers say it: the abort was accepted (204 above) and the object never completed; s3rver's data
        // directory holds no object under the key. (No further S3 request here: after this test's abort, listings and
        // reads made the S3 client sign the next presigned URLs of this collection a second longer on net8.0, which
        // the HTTP tests rightly refuse; the cause was not found.)
        string path = Assert.Single(_http.Requests("POST", "uploads")).Path;
        string key = Uri.UnescapeDataString(path[("/" + S3rverFixture.Bucket + "/").Length..]);
        Assert.StartsWith(_prefix, key, StringComparison.Ordinal);
        Assert.False(File.Exists(_s3.ObjectFile(S3rverFixture.Bucket, key)));
        Assert.Empty(_observer.Events);
    }

    [Fact]
    public void Store_that_cannot_presign_or_a_lifetime_out_of_range_is_refused_before_anything_is_written()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"payloadgen-streamed-http-{Guid.NewGuid():N}");
        ClaimCheckRuntime fileStore = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = "files", Store = "file:" + directory });

        var noPresigning = Assert.Throws<ClaimCheckConfigurationException>(() => fileStore.StartStreamedHttpBody(s_csv, PayloadSource.ApiGatewayHttp, urlLifetime: null, knownLongerThan: 6_000_000));
        var tooLong = Assert.Throws<ClaimCheckConfigurationException>(() => Runtime().StartStreamedHttpBody(s_csv, PayloadSource.ApiGatewayHttp, TimeSpan.FromDays(8), knownLongerThan: 6_000_000));

        Assert.Contains("cannot presign", noPresigning.Message, StringComparison.Ordinal);
        Assert.Contains("6,000,001 bytes", noPresigning.Message, StringComparison.Ordinal);
        Assert.Contains("7 days", tooLong.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Any());
        Assert.Empty(_http.Exchanges);
    }

    [Fact]
    public void Store_that_takes_no_parts_is_left_to_the_whole_body_offload()
    {
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket }, new PresigningOnlyStore(new S3PayloadStore(_client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false })));

        Assert.Null(runtime.StartStreamedHttpBody(s_csv, PayloadSource.ApiGatewayHttp, urlLifetime: null, knownLongerThan: 6_000_000));
        Assert.Empty(_http.Exchanges);
    }

    private ClaimCheckRuntime Runtime()
        => ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, KeyPrefix = _prefix, S3ChunkedEncoding = false, Observer = _observer }, _client);

    private sealed class EventObserver : IClaimCheckObserver
    {
        public ConcurrentQueue<ClaimCheckEvent> Events { get; } = new();

        public void OnPayload(ClaimCheckEvent payloadEvent) => Events.Enqueue(payloadEvent);
    }

    /// <summary>A store that presigns but takes no parts, as a third-party store may.</summary>
    private sealed class PresigningOnlyStore(S3PayloadStore inner) : IPresigningPayloadStore
    {
        public string Bucket => inner.Bucket;

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => inner.WriteAsync(write, cancellationToken);

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => inner.OpenReadAsync(pointer, maxBytes, cancellationToken);

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => inner.DeleteAsync(pointer, cancellationToken);

        public Task<string> PresignReadAsync(PayloadPointer pointer, TimeSpan lifetime, CancellationToken cancellationToken) => inner.PresignReadAsync(pointer, lifetime, cancellationToken);

        public Task<PresignedUpload> PresignWriteAsync(string key, PayloadDescription description, TimeSpan lifetime, CancellationToken cancellationToken) => inner.PresignWriteAsync(key, description, lifetime, cancellationToken);
    }
}
