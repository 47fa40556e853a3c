using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Integration;

/// <summary>
/// Unchunked, the S3 client signs each upload part with the part's SHA-256 (<c>x-amz-content-sha256</c>). With the
/// client PayloadGen creates itself (<see cref="PayloadGenS3Client"/>) a streamed offload computes it in the pass that
/// hashes the payload, and the client signs with that value instead of reading the part once more: the header of
/// every part is the SHA-256 of exactly its bytes, the signer takes the value it is given, and only that client,
/// unchunked, is given one.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class PrecomputedPartHashS3Tests : IDisposable
{
    private const int PartBytes = 5 * 1024 * 1024; // S3's least

    private static readonly PayloadDescription Description = new() { Direction = OffloadDirection.Response, ContentType = "application/json" };

    private readonly MultipartHttpRecorder _http = new();
    private readonly S3rverFixture _s3;
    private readonly AmazonS3Client _client;

    public PrecomputedPartHashS3Tests(S3rverFixture s3)
    {
        _s3 = s3;
        _client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = _http, MaxErrorRetry = 0 }, (credentials, config) => new PayloadGenS3Client(credentials, config));
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Each_streamed_part_is_signed_with_the_SHA256_of_its_own_bytes_and_the_object_is_exact()
    {
        var store = new S3PayloadStore(_client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false, PartSizeBytes = PartBytes });
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket }, store);
        byte[] payload = TestPayloads.Bytes((2 * PartBytes) + 1_234, seed: 1);
        await using var offload = new StreamedOffload(runtime, inlineThreshold: -1, Description);
        for (int at = 0; at < payload.Length; at += 100_000)
        {
            await offload.WriteAsync(payload.AsMemory(at, Math.Min(100_000, payload.Length - at)));
        }

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);

        var signed = _http.Exchanges.Where(exchange => exchange.IsUploadPart)
            .Select(exchange => (Number: int.Parse(exchange.Query.Split("partNumber=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture), exchange.ContentSha256))
            .OrderBy(part => part.Number)
            .ToList();
        Assert.Equal(
            Enumerable.Range(0, 3).Select(index => (index + 1, (string?)Sha256Hex.Of(payload.AsSpan(index * PartBytes, Math.Min(PartBytes, payload.Length - (index * PartBytes)))))),
            signed);
        Assert.Equal(Sha256Hex.Of(payload), outcome.Pointer!.Sha256);
        Assert.Equal(payload, File.ReadAllBytes(_s3.ObjectFile(S3rverFixture.Bucket, outcome.Pointer.Key)));
    }

    [Fact]
    public async Task The_client_signs_with_the_hash_it_is_given_instead_of_computing_its_own()
    {
        // A hash of other bytes: had the client computed its own, the header would be the content's.
        var store = new S3PayloadStore(_client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false, PartSizeBytes = PartBytes });
        byte[] content = TestPayloads.Bytes(1_000, seed: 2);
        string given = Sha256Hex.Of("other bytes"u8);
        await using IPayloadUpload upload = await store.StartUploadAsync("precomputed/" + Guid.NewGuid().ToString("N"), Description, CancellationToken.None);

        try
        {
            await ((IPrehashedPartUpload)upload).UploadPartAsync(1, 0, new ReadOnlySequence<byte>(content), given, CancellationToken.None);
        }
        catch (PayloadStoreException)
        {
            // A server that checks the payload hash refuses the part; s3rver does not. What was signed is the point here.
        }

        MultipartHttpRecorder.S3Exchange part = Assert.Single(_http.Exchanges, exchange => exchange.IsUploadPart);
        Assert.Equal(given, part.ContentSha256);
        Assert.NotEqual(Sha256Hex.Of(content), part.ContentSha256);
    }

    [Fact]
    public async Task Only_PayloadGens_own_client_sending_unchunked_is_given_part_hashes()
    {
        using AmazonS3Client injected = _s3.CreateClient();
        Assert.True(await TakesPartSha256Async(_client, chunked: false));
        Assert.False(await TakesPartSha256Async(_client, chunked: true));
        Assert.False(await TakesPartSha256Async(injected, chunked: false));
    }

    private static async Task<bool> TakesPartSha256Async(IAmazonS3 client, bool chunked)
    {
        var store = new S3PayloadStore(client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = chunked, PartSizeBytes = PartBytes });
        await using IPayloadUpload upload = await store.StartUploadAsync("precomputed/" + Guid.NewGuid().ToString("N"), Description, CancellationToken.None);
        return ((IPrehashedPartUpload)upload).TakesPartSha256;
    }
}
