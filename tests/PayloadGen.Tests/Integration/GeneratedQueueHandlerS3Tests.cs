using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Integration;

/// <summary>A generated SQS wrapper fed the exact event JSON Lambda delivers, reading pointers from s3rver.</summary>
[Collection(S3rverTests.Name)]
public sealed class GeneratedQueueHandlerS3Tests : IAsyncLifetime, IDisposable
{
    private const string JavaKey = "7c1e2d3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f";

    private readonly AmazonS3Client _client;

    public GeneratedQueueHandlerS3Tests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        OrderHandlers.ClaimCheckRuntime = ClaimCheckRuntime.Create(
            new ClaimCheckOptions { Bucket = S3rverFixture.ExtendedClientBucket, KeyPrefix = ClaimCheckOptions.WholeBucketKeyPrefix, S3ChunkedEncoding = false },
            _client);
        OrderHandlers.Imported.Clear();
    }

    public Task InitializeAsync() => _client.PutObjectAsync(new PutObjectRequest
    {
        BucketName = S3rverFixture.ExtendedClientBucket,
        Key = JavaKey,
        InputStream = new MemoryStream(EventFixtures.StoredAs("""{"Id":"order-2","Lines":["from","java"]}"""u8.ToArray(), EventFixtures.SqsStandardAnnouncedSize)),
        UseChunkEncoding = false,
    });

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        OrderHandlers.ClaimCheckRuntime = null;
        _client.Dispose();
    }

    [Fact]
    public async Task Java_pointer_record_and_forged_record_in_one_batch_only_the_forged_one_fails()
    {
        JsonObject batch = EventFixtures.Json("sqs-standard.json");
        JsonObject forged = batch["Records"]![1]!.DeepClone().AsObject();
        forged["messageId"] = "forged";
        forged["body"] = $$"""["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"{{S3rverFixture.ForeignBucket}}","s3Key":"{{JavaKey}}"}]""";
        batch["Records"]!.AsArray().Add(forged);

        await using Stream response = await new OrderHandlers().ImportClaimCheck(EventFixtures.Stream(batch), new TestLambdaContext(TimeSpan.FromMinutes(1)));

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"forged"}]}""", await new StreamReader(response).ReadToEndAsync());
        Assert.Equal(["order-1", "order-2"], OrderHandlers.Imported.Select(i => i.Order.Id));
        Assert.Equal(["from", "java"], OrderHandlers.Imported.Last().Order.Lines);
    }

    [Fact]
    public async Task Record_whose_handler_throws_is_reported_and_the_rest_succeed()
    {
        JsonObject batch = EventFixtures.Json("sqs-standard.json");
        batch["Records"]![0]!["body"] = """{"Id":"poison"}""";

        await using Stream response = await new OrderHandlers().ImportClaimCheck(EventFixtures.Stream(batch), new TestLambdaContext(TimeSpan.FromMinutes(1)));

        using JsonDocument failures = await JsonDocument.ParseAsync(response);
        Assert.Equal("5b1c7f0e-3d2a-4c61-9a0e-2f7d8c1b9a01", failures.RootElement.GetProperty("batchItemFailures")[0].GetProperty("itemIdentifier").GetString());
        Assert.Equal(["order-2"], OrderHandlers.Imported.Select(i => i.Order.Id));
    }

    [Fact]
    public void Handler_string_names_the_batch_wrapper()
    {
        Assert.Equal("PayloadGen.Tests::PayloadGen.Tests.Handlers.OrderHandlers::ImportClaimCheck", OrderHandlers.ImportClaimCheckHandler);
    }
}
