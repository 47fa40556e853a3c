using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// The AWS SDK accepts more than a bucket name where a bucket name goes: an S3 or access-point ARN (in any account,
/// region or partition) is routed to that resource, and a name with dots or slashes changes the URL it builds. The
/// allow-list compares the pointer's bucket exactly, so none of these reaches S3. Keys are literal: characters that
/// mean something in a URL (<c>?</c>, <c>#</c>, <c>%</c>, <c>;</c>) are sent encoded and name no other object, and a
/// pointer's <c>url</c> (a presigned URL for callers without PayloadGen) is never requested.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class S3AddressingAttackS3Tests : IAsyncLifetime, IDisposable
{
    private const string Planted = "payloadgen/addressing/a.json";
    private static readonly byte[] Payload = "\"planted\""u8.ToArray();

    private readonly MultipartHttpRecorder _http = new();
    private readonly AmazonS3Client _client;
    private readonly ClaimCheckRuntime _runtime;

    public S3AddressingAttackS3Tests(S3rverFixture s3)
    {
        _client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = _http, MaxErrorRetry = 0 });
        var store = new S3PayloadStore(_client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false });
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket }, store);
    }

    public async Task InitializeAsync()
    {
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = Planted, InputStream = new MemoryStream(Payload), UseChunkEncoding = false });
        _http.Exchanges.Clear();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("arn:aws:s3:::payloads")]
    [InlineData("arn:aws:s3:us-east-1:123456789012:accesspoint/payloads")]
    [InlineData("arn:aws:s3:eu-west-1:999999999999:accesspoint/payloads")]
    [InlineData("arn:aws-cn:s3:::payloads")]
    [InlineData("arn:aws-us-gov:s3:::payloads")]
    [InlineData("arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/payloads")]
    [InlineData("arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-01/accesspoint/payloads")]
    [InlineData("payloads-abcdefghijklmnopqrstuvwxyz0123-s3alias")]
    [InlineData("payloads.s3.amazonaws.com")]
    [InlineData("payloads.s3.us-west-2.amazonaws.com")]
    [InlineData("payloads.")]
    [InlineData("payloads/payloadgen")]
    [InlineData("s3://payloads")]
    [InlineData("https://payloads.s3.amazonaws.com")]
    public async Task Bucket_spellings_the_SDK_would_route_elsewhere_are_refused_before_any_request(string bucket)
    {
        byte[] pointer = PayloadPointerWriter.ToUtf8(new PayloadPointer(bucket, Planted) { Size = Payload.Length, Sha256 = Sha256Hex.Of(Payload) });

        var error = await Assert.ThrowsAsync<PayloadBucketNotAllowedException>(() => _runtime.HydrateAsync(pointer, AttackerHarness.StringType, false, CancellationToken.None).AsTask());

        Assert.Equal(bucket, error.Bucket);
        Assert.Empty(_http.Exchanges);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/payloads/payloadgen/addressing/evil.json")]
    [InlineData("https://someone-elses.s3.amazonaws.com/payloadgen/addressing/a.json?X-Amz-Signature=forged")]
    [InlineData("file:///etc/passwd")]
    public async Task A_pointers_url_is_never_followed_only_its_bucket_and_key(string url)
    {
        byte[] pointer = PayloadPointerWriter.ToUtf8(new PayloadPointer(S3rverFixture.Bucket, Planted) { Size = Payload.Length, Sha256 = Sha256Hex.Of(Payload), Url = url });

        Assert.Equal("planted", await _runtime.HydrateAsync(pointer, AttackerHarness.StringType, false, CancellationToken.None));

        MultipartHttpRecorder.S3Exchange get = Assert.Single(_http.Exchanges);
        Assert.Equal("/" + S3rverFixture.Bucket + "/" + Planted, get.Path);
    }

    [Theory]
    [InlineData("payloadgen/addressing/a.json?versionId=null")]
    [InlineData("payloadgen/addressing/a.json?x-id=GetObject")]
    [InlineData("payloadgen/addressing/a.json#fragment")]
    [InlineData("payloadgen/addressing/%61.json")]
    [InlineData("payloadgen/addressing%2Fa.json")]
    [InlineData("payloadgen/addressing/a.json;x")]
    [InlineData("payloadgen/addressing//a.json")]
    [InlineData("payloadgen/addressing/a.json/")]
    [InlineData("payloadgen/addressing/a.json.")]
    [InlineData("payloadgen/addressing/A.json")]
    [InlineData("payloadgen/addressing/a.json ")]
    public async Task Keys_that_resemble_the_planted_one_are_literal_and_name_no_object(string key)
    {
        byte[] pointer = PayloadPointerWriter.ToUtf8(new PayloadPointer(S3rverFixture.Bucket, key) { Size = Payload.Length, Sha256 = Sha256Hex.Of(Payload) });

        var error = await Assert.ThrowsAsync<PayloadNotFoundException>(() => _runtime.HydrateAsync(pointer, AttackerHarness.StringType, false, CancellationToken.None).AsTask());

        Assert.Equal(key, error.Key);
        MultipartHttpRecorder.S3Exchange get = Assert.Single(_http.Exchanges);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal("planted", await _runtime.HydrateAsync(PayloadPointerWriter.ToUtf8(new PayloadPointer(S3rverFixture.Bucket, Planted) { Size = Payload.Length, Sha256 = Sha256Hex.Of(Payload) }), AttackerHarness.StringType, false, CancellationToken.None));
    }
}
