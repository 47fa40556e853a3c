using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// Keys with URL-encoding, spaces and look-alike dots are literal S3 keys: the SDK must send them encoded so the
/// server never decodes them into a different key (such as a parent folder's object).
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class S3KeyEncodingTests : IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly ClaimCheckRuntime _runtime;

    public S3KeyEncodingTests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        _runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false }, _client);
    }

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("payloadgen/enc/%2e%2e/target.json", "payloadgen/target.json")]
    [InlineData("payloadgen/enc/%2E%2E%2Ftarget.json", "payloadgen/enc/../target.json")]
    [InlineData("payloadgen/enc/a%2Fb.json", "payloadgen/enc/a/b.json")]
    [InlineData("payloadgen/enc/with space.json", "payloadgen/enc/with+space.json")]
    [InlineData("payloadgen/enc/with+plus.json", "payloadgen/enc/with plus.json")]
    [InlineData("payloadgen/enc/q?x=1#frag.json", "payloadgen/enc/q")]
    [InlineData("payloadgen/enc/\uFF0E\uFF0E/target.json", "payloadgen/target.json")]
    public async Task An_encoded_key_reads_exactly_its_own_object(string key, string decoyKey)
    {
        string tag = Guid.NewGuid().ToString("N");
        byte[] genuine = Encoding.UTF8.GetBytes($"\"genuine {tag}\"");
        byte[] decoy = Encoding.UTF8.GetBytes($"\"decoy!! {tag}\"");
        Assert.Equal(genuine.Length, decoy.Length);
        await PutAsync(decoyKey, decoy);
        await PutAsync(key, genuine);

        string pointer = AttackerHarness.PointerJson(S3rverFixture.Bucket, key, genuine.Length, Sha256Hex.Of(genuine));
        string? value = await _runtime.HydrateAsync<string>(Encoding.UTF8.GetBytes(pointer), AttackerHarness.StringType, false, CancellationToken.None);
        Assert.Equal($"genuine {tag}", value);

        // Pointing at the genuine object's hash but an encoded key that only decodes to the decoy fails integrity or is missing.
        string decoyPointer = AttackerHarness.PointerJson(S3rverFixture.Bucket, key + "-missing", genuine.Length, Sha256Hex.Of(genuine));
        await Assert.ThrowsAsync<PayloadNotFoundException>(() => _runtime.HydrateAsync<string>(Encoding.UTF8.GetBytes(decoyPointer), AttackerHarness.StringType, false, CancellationToken.None).AsTask());
    }

    private Task<PutObjectResponse> PutAsync(string key, byte[] content)
        => _client.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false });
}
