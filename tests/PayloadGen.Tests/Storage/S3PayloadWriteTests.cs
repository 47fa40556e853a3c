using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>A <see cref="PayloadWrite"/>'s headers are the ones the stored object is served with.</summary>
[Collection(S3rverTests.Name)]
public sealed class S3PayloadWriteTests : IDisposable
{
    private const int SixMegabytes = 6 * 1024 * 1024;

    private readonly AmazonS3Client _client;
    private readonly S3PayloadStore _store;

    public S3PayloadWriteTests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        _store = new S3PayloadStore(_client, new S3PayloadStoreOptions
        {
            Bucket = S3rverFixture.Bucket,
            UseChunkEncoding = false,
            MultipartThresholdBytes = 5 * 1024 * 1024,
            PartSizeBytes = 5 * 1024 * 1024,
        });
    }

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(1_000)]          // PutObject
    [InlineData(SixMegabytes)]   // CreateMultipartUpload + two parts
    public async Task Object_is_stored_with_the_writes_content_headers(int length)
    {
        byte[] content = new byte[length];
        Random.Shared.NextBytes(content);
        string key = "payloadgen/headers/" + Guid.NewGuid().ToString("N") + ".csv.gz";
        var write = new PayloadWrite(key, new ReadOnlySequence<byte>(content), Sha256Hex.Of(new ReadOnlySequence<byte>(content)), new PayloadDescription
        {
            ContentType = "text/csv",
            ContentDisposition = "attachment; filename=\"report.csv\"",
            ContentEncoding = "gzip",
            Direction = OffloadDirection.Response,
            Source = PayloadSource.Direct,
        });

        PayloadPointer pointer = await _store.WriteAsync(write, CancellationToken.None);

        Assert.Equal(new PayloadPointer(S3rverFixture.Bucket, key) { Size = length, Sha256 = write.Sha256, ContentType = "text/csv" }, pointer with { VersionId = null });
        using GetObjectResponse stored = await _client.GetObjectAsync(S3rverFixture.Bucket, key);
        Assert.Equal("text/csv", stored.Headers.ContentType);
        Assert.Equal("attachment; filename=\"report.csv\"", stored.Headers.ContentDisposition);
        Assert.Equal("gzip", stored.Headers.ContentEncoding);
        Assert.Equal(length, stored.ContentLength);
    }
}
