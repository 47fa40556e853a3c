using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Credentials;

/// <summary>
/// Cross-account offloads against a real S3 server: s3rver refuses access keys it does not know, and accepts only
/// the S3RVER key, which here only the fake STS hands out, so a successful write proves the assumed role signed it.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class CrossAccountS3Tests : IDisposable
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/payload-writer";

    private readonly S3rverFixture _s3rver;
    private readonly AmazonS3Client _trustedClient;
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly IAmazonSecurityTokenService _sts;
    private readonly FakeSecurityTokenService _fakeSts;
    private readonly RecordingHttpClientFactory _http = new();
    private int _sessions;

    public CrossAccountS3Tests(S3rverFixture s3rver)
    {
        _s3rver = s3rver;
        _trustedClient = s3rver.CreateClient();
        (_sts, _fakeSts) = FakeSecurityTokenService.Create();
        _fakeSts.Respond = _ =>
        {
            int session = ++_sessions;
            return FakeSecurityTokenService.Session("S3RVER", "S3RVER", $"session-token-{session}", _clock.Now.AddHours(1));
        };
    }

    public void Dispose() => _trustedClient.Dispose();

    [Fact]
    public async Task S3rver_refuses_an_access_key_it_does_not_know()
    {
        using var client = new AmazonS3Client(new BasicAWSCredentials("AKIAFUNCTIONROLE", "function-role-secret"), Config());

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => client.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = "payloadgen/refused.json", ContentBody = "{}", UseChunkEncoding = false }));

        Assert.Equal((HttpStatusCode.Forbidden, "InvalidAccessKeyId"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task Offload_is_signed_with_the_assumed_role_session()
    {
        using var credentials = new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn, ExternalId = "ext-123" }, _clock);
        using var s3 = new AmazonS3Client(credentials, Config());
        ClaimCheckRuntime runtime = Runtime(s3);
        byte[] content = TestPayloads.Utf8(TestPayloads.Report(300_000));

        PayloadPointer pointer = await runtime.OffloadAsync(new ReadOnlySequence<byte>(content), CancellationToken.None);

        Assert.Equal(content, await DownloadAsync(pointer.Key));
        AssumeRoleRequest assumed = Assert.Single(_fakeSts.Requests);
        Assert.Equal((RoleArn, "ext-123", "payloadgen", 3600), (assumed.RoleArn, assumed.ExternalId, assumed.RoleSessionName, assumed.DurationSeconds));
        RecordingHttpClientFactory.SignedRequest put = Assert.Single(_http.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.Equal("session-token-1", put.SecurityToken);
        Assert.Contains("Credential=S3RVER/", put.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Later_offloads_reuse_the_session_until_the_refresh_point_then_use_a_new_one()
    {
        using var credentials = new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn }, _clock);
        using var s3 = new AmazonS3Client(credentials, Config());
        ClaimCheckRuntime runtime = Runtime(s3);
        var content = new ReadOnlySequence<byte>("{\"n\":1}"u8.ToArray());

        await runtime.OffloadAsync(content, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(54));
        await runtime.OffloadAsync(content, CancellationToken.None);
        Assert.Single(_fakeSts.Requests);

        _clock.Advance(TimeSpan.FromMinutes(1));
        PayloadPointer last = await runtime.OffloadAsync(content, CancellationToken.None);

        Assert.Equal(2, _fakeSts.Requests.Count);
        Assert.Equal(["session-token-1", "session-token-1", "session-token-2"], _http.Requests.Select(request => request.SecurityToken));
        Assert.Equal(content.ToArray(), await DownloadAsync(last.Key));
    }

    [Fact]
    public async Task Runtime_configured_from_the_environment_writes_through_the_role_to_the_role_account_bucket()
    {
        var environment = new Dictionary<string, string>
        {
            ["PAYLOADGEN_BUCKET"] = S3rverFixture.Bucket,
            ["PAYLOADGEN_S3_CHUNKED_ENCODING"] = "false",
            ["PAYLOADGEN_ROLE_ARN"] = RoleArn,
            ["PAYLOADGEN_ROLE_EXTERNAL_ID"] = "ext-123",
            ["PAYLOADGEN_ROLE_SESSION_NAME"] = "orders-fn",
            ["PAYLOADGEN_ROLE_DURATION_SECONDS"] = "1800",
            ["AWS_ENDPOINT_URL_S3"] = _s3rver.ServiceUrl,
        };
        ClaimCheckOptions options = ClaimCheckOptions.FromEnvironment(name => environment.GetValueOrDefault(name));
        using var s3 = (AmazonS3Client)S3ClientFactory.Create(options, _sts);
        (IAmazonS3 recording, RecordingS3 calls) = RecordingS3.Wrap(s3);
        ClaimCheckRuntime runtime = ClaimCheckRuntime.Create(options, recording);
        byte[] content = TestPayloads.Utf8(TestPayloads.Report(100_000));

        PayloadPointer pointer = await runtime.OffloadAsync(new ReadOnlySequence<byte>(content), CancellationToken.None);

        Assert.Equal(content, await DownloadAsync(pointer.Key));
        AssumeRoleRequest assumed = Assert.Single(_fakeSts.Requests);
        Assert.Equal((RoleArn, "ext-123", "orders-fn", 1800), (assumed.RoleArn, assumed.ExternalId, assumed.RoleSessionName, assumed.DurationSeconds));
        PutObjectRequest put = Assert.Single(calls.Calls.Select(call => call.Request).OfType<PutObjectRequest>());
        Assert.Equal("111122223333", put.ExpectedBucketOwner);
    }

    [Fact]
    public async Task Refused_role_fails_the_offload_with_the_role_named_and_writes_nothing()
    {
        _fakeSts.Respond = _ => throw new AmazonSecurityTokenServiceException("not authorized") { ErrorCode = "AccessDenied", StatusCode = HttpStatusCode.Forbidden };
        using var credentials = new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn }, _clock);
        using var s3 = new AmazonS3Client(credentials, Config());

        var error = await Assert.ThrowsAsync<RoleAssumptionException>(() => Runtime(s3).OffloadAsync(new ReadOnlySequence<byte>("{}"u8.ToArray()), CancellationToken.None));

        Assert.Equal(RoleArn, error.RoleArn);
        Assert.Empty(_http.Requests);
    }

    private AmazonS3Config Config() => new()
    {
        ServiceURL = _s3rver.ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        HttpClientFactory = _http,
    };

    private static ClaimCheckRuntime Runtime(IAmazonS3 s3)
        => ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false }, s3);

    private async Task<byte[]> DownloadAsync(string key)
    {
        using GetObjectResponse response = await _trustedClient.GetObjectAsync(S3rverFixture.Bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
