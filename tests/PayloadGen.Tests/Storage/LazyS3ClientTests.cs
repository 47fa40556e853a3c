using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>The S3 client is created on first need: payloads that stay inline need no region, credentials or client.</summary>
[Collection(S3rverTests.Name)]
public sealed class LazyS3ClientTests
{
    private readonly S3rverFixture _s3;

    public LazyS3ClientTests(S3rverFixture s3) => _s3 = s3;

    [Fact]
    public async Task A_wrapper_whose_payloads_stay_inline_runs_on_the_s3_store_without_region_or_client()
    {
        // What a local run of a small payload sees: PAYLOADGEN_STORE=s3, no AWS_REGION, no credentials, no endpoint.
        var environment = new Dictionary<string, string> { [EnvironmentVariables.Store] = "s3", [EnvironmentVariables.Bucket] = S3rverFixture.Bucket };
        ClaimCheckRuntime runtime = ClaimCheckRuntime.Create(ClaimCheckOptions.FromEnvironment(name => environment.GetValueOrDefault(name)));
        InlineOnlyHandlers.ClaimCheckRuntime = runtime;
        Report request = TestPayloads.Report(1_000);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(request, ClaimCheckJson.GetTypeInfo<Report>());

        await using Stream response = await InlineOnlyHandlers.EchoClaimCheck(new MemoryStream(body), new TestLambdaContext(TimeSpan.FromMinutes(1)));

        Assert.Equal(body, ReadAll(response));
        var store = Assert.IsType<S3PayloadStore>(runtime.Store);
        Assert.False(store.IsClientCreated);
    }

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

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
