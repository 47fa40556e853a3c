using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using PayloadGen.Tests.Credentials;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>The S3 client PayloadGen creates when none is injected, used for a streamed offload on s3rver.</summary>
[Collection(S3rverTests.Name)]
public sealed class S3ClientFactoryTests(S3rverFixture s3rver)
{
    [Fact]
    public async Task Client_it_creates_reads_request_bodies_80_KiB_at_a_time_signs_parts_with_the_offloads_hashes_and_stores_a_streamed_offload_intact()
    {
        // The fake STS hands out the only key s3rver accepts, so the factory's client signs with the role's session.
        (IAmazonSecurityTokenService sts, FakeSecurityTokenService fakeSts) = FakeSecurityTokenService.Create();
        fakeSts.Respond = _ => FakeSecurityTokenService.Session("S3RVER", "S3RVER", "session-token", DateTime.UtcNow.AddHours(1));
        var options = new ClaimCheckOptions
        {
            Bucket = S3rverFixture.Bucket,
            S3ServiceUrl = s3rver.ServiceUrl,
            S3ChunkedEncoding = false,
            InlineThresholdBytes = 64 * 1024,
            RoleArn = "arn:aws:iam::111122223333:role/payload-writer",
        };
        using var client = (AmazonS3Client)S3ClientFactory.Create(options, sts);
        ClaimCheckRuntime runtime = ClaimCheckRuntime.Create(options, client);
        Report report = TestPayloads.Report(12 * 1024 * 1024, seed: 9); // three parts of up to 5 MiB

        PayloadPointer pointer;
        await using (Stream response = await runtime.DehydrateAsync(report, TestPayloads.ReportType, PayloadSource.Direct, 0, CancellationToken.None))
        {
            using var json = new MemoryStream();
            await response.CopyToAsync(json);
            Assert.True(PayloadPointerReader.TryRead(json.ToArray(), allowBareShape: false, out PayloadPointer? read));
            pointer = read!;
        }

        Assert.Equal(S3ClientFactory.RequestBodyBufferBytes, client.Config.BufferSize);
        // The client that signs a streamed part with the SHA-256 the offload computed (PrecomputedPartHashS3Tests).
        Assert.IsType<PayloadGenS3Client>(client);
        byte[] expected = TestPayloads.Utf8(report);
        using AmazonS3Client trusted = s3rver.CreateClient();
        using GetObjectResponse stored = await trusted.GetObjectAsync(S3rverFixture.Bucket, pointer.Key);
        using var copy = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(copy);
        Assert.Equal(expected, copy.ToArray());
        Assert.Equal((expected.Length, Sha256Hex.Of(expected)), (pointer.Size, pointer.Sha256));
    }
}
