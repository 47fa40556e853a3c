using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>The S3 client is created on first need, once.</summary>
[Collection(S3rverTests.Name)]
public sealed class LazyS3ClientTests
{
    private readonly S3rverFixture _s3;

    public LazyS3ClientTests(S3rverFixture s3) => _s3 = s3;

    [Fact]
    public async Task The_client_is_created_once_on_the_first_S3_call()
    {
        int created = 0;
        using AmazonS3Client client = _s3.CreateClient();
        var store = new S3PayloadStore(
            () =>
            {
                Interlocked.Increment(ref created);
                return client;
            },
            new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false });
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket }, store);
        Assert.Equal(0, created);

        PayloadPointer first = await runtime.OffloadAsync(new ReadOnlySequence<byte>("\"one\""u8.ToArray()), CancellationToken.None);
        PayloadPointer second = await runtime.OffloadAsync(new ReadOnlySequence<byte>("\"two\""u8.ToArray()), CancellationToken.None);

        Assert.Equal(1, created);
        Assert.Equal("one", await runtime.ReadAsync(first, ClaimCheckJson.GetTypeInfo<string>(), CancellationToken.None));
        Assert.Equal("two", await runtime.ReadAsync(second, ClaimCheckJson.GetTypeInfo<string>(), CancellationToken.None));
    }
}
