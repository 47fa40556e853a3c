using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Queues;

public sealed class Order
{
    public string Id { get; set; } = string.Empty;

    public List<string> Lines { get; set; } = new();
}

/// <summary>
/// The batch loop over the exact event JSON Lambda delivers, with pointers read from a real S3 server: the Java
/// extended client's bucket and root-level keys, as in the fixtures.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class QueueBatchTests : IAsyncLifetime, IDisposable
{
    private const string JavaBucket = S3rverFixture.ExtendedClientBucket;
    private const string StandardPointerKey = "7c1e2d3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f";
    private const string SnsPointerKey = "3f2e1d0c-9b8a-4765-8432-10fedcba9876";
    private const string EnvelopePointerKey = "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";

    private static readonly JsonTypeInfo<Order> OrderType = ClaimCheckJson.GetTypeInfo<Order>();

    private readonly S3rverFixture _s3;
    private readonly FaultInjectingHttpClientFactory _faults = new();
    private readonly AmazonS3Client _client;
    private readonly ClaimCheckRuntime _runtime;
    private readonly ConcurrentQueue<(Order? Order, QueueMessageContext Context)> _handled = new();

    public QueueBatchTests(S3rverFixture s3)
    {
        _s3 = s3;
        _client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = _faults, MaxErrorRetry = 1 });
        // Java senders write keys at the bucket root, so a Java-interop consumer configures an empty prefix.
        _runtime = CreateRuntime(observer: null);
    }

    public async Task InitializeAsync()
    {
        await PutAsync(StandardPointerKey, new Order { Id = "order-2", Lines = Enumerable.Range(0, 20_000).Select(i => $"line {i}").ToList() }, EventFixtures.SqsStandardAnnouncedSize);
        await PutAsync(SnsPointerKey, new Order { Id = "sns-order" }, EventFixtures.SnsAnnouncedSize);
        await PutAsync(EnvelopePointerKey, new Order { Id = "enveloped-order" }, EventFixtures.EnvelopeAnnouncedSize);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Standard_queue_batch_hydrates_inline_and_Java_pointer_records()
    {
        string[] failures = await ProcessSqsAsync(EventFixtures.Json("sqs-standard.json"));

        Assert.Empty(failures);
        Assert.Equal(["order-1", "order-2"], _handled.Select(h => h.Order!.Id));
        Assert.Equal(20_000, _handled.Last().Order!.Lines.Count);
        Assert.Null(_handled.First().Context.Pointer);
        Assert.Equal(new PayloadPointer(JavaBucket, StandardPointerKey) { Size = EventFixtures.SqsStandardAnnouncedSize, Format = PointerFormat.ExtendedClient }, _handled.Last().Context.Pointer);
        Assert.Equal(2, _handled.Last().Context.ReceiveCount);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders", _handled.Last().Context.EventSourceArn);
    }

    [Theory]
    [InlineData("someone-elses", StandardPointerKey, "bucket")]
    [InlineData(JavaBucket, "../" + StandardPointerKey, "path segment")]
    public async Task Forged_record_fails_alone_and_the_genuine_pointer_succeeds(string bucket, string key, string reason)
    {
        JsonObject batch = EventFixtures.Json("sqs-standard.json");
        JsonObject forged = batch["Records"]![1]!.DeepClone().AsObject();
        forged["messageId"] = "forged-1";
        forged["body"] = $$"""["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"{{bucket}}","s3Key":"{{key}}"}]""";
        batch["Records"]!.AsArray().Add(forged);

        string[] failures = await ProcessSqsAsync(batch);

        Assert.Equal(["forged-1"], failures);
        Assert.Equal(["order-1", "order-2"], _handled.Select(h => h.Order!.Id));
        Assert.NotNull(reason);
    }

    [Fact]
    public async Task Oversized_announced_payload_fails_its_record_before_download()
    {
        var runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = JavaBucket, KeyPrefix = ClaimCheckOptions.WholeBucketKeyPrefix, MaxPayloadBytes = 1_000_000 }, _client);
        JsonObject batch = EventFixtures.Json("sqs-standard.json");
        batch["Records"]![1]!["messageAttributes"]!["ExtendedPayloadSize"]!["stringValue"] = "5000000000";

        string[] failures = await ProcessSqsAsync(batch, runtime);

        Assert.Equal(["9e4d2a10-77b3-4f0c-8d5e-6a1b2c3d4e02"], failures);
    }

    [Fact]
    public async Task Flagged_record_whose_body_is_not_a_pointer_fails_clearly()
    {
        JsonObject batch = EventFixtures.Json("sqs-standard.json");
        batch["Records"]![1]!["body"] = """{"Id":"sneaky","Lines":[]}""";
        var errors = new List<Exception>();

        string[] failures = await ProcessSqsAsync(batch, observer: errors);

        Assert.Equal(["9e4d2a10-77b3-4f0c-8d5e-6a1b2c3d4e02"], failures);
        Assert.IsType<MalformedPointerException>(Assert.Single(errors));
    }

    [Fact]
    public async Task Fifo_group_stops_at_its_first_failure_and_later_records_of_the_group_are_reported()
    {
        string[] failures = await ProcessSqsAsync(EventFixtures.Json("sqs-fifo.json"), handler: (order, _) =>
            order!.Id == "a1" ? throw new InvalidOperationException("boom") : ValueTask.CompletedTask);

        Assert.Equal(["11111111-aaaa-4bbb-8ccc-000000000001", "11111111-aaaa-4bbb-8ccc-000000000002"], failures);
        Assert.Equal(["a1"], _handled.Select(h => h.Order!.Id));
        Assert.Equal("customer-a", _handled.Single().Context.MessageGroupId);
    }

    [Fact]
    public async Task Concurrent_processing_keeps_order_within_each_FIFO_group()
    {
        var batch = new JsonObject { ["Records"] = new JsonArray() };
        foreach (string group in new[] { "a", "b", "c" })
        {
            for (int i = 1; i <= 4; i++)
            {
                batch["Records"]!.AsArray().Add(SqsRecord($"{group}{i}", $$"""{"Id":"{{group}}{{i}}"}""", group));
            }
        }

        var running = 0;
        var maxRunning = 0;
        string[] failures = await ProcessSqsAsync(
            batch,
            options: new ClaimCheckBatchOptions { MaxConcurrency = 3 },
            handler: async (order, _) =>
            {
                int now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);
                await Task.Delay(20);
                Interlocked.Decrement(ref running);
                if (order!.Id == "b2")
                {
                    throw new InvalidOperationException("b2 fails");
                }
            });

        Assert.Equal(["b2", "b3", "b4"], failures);
        foreach (string group in new[] { "a", "c" })
        {
            Assert.Equal(Enumerable.Range(1, 4).Select(i => $"{group}{i}"), _handled.Select(h => h.Order!.Id).Where(id => id.StartsWith(group, StringComparison.Ordinal)));
        }

        Assert.DoesNotContain(_handled, h => h.Order!.Id is "b3" or "b4");
        Assert.True(maxRunning > 1, "groups should run concurrently");
    }

    [Fact]
    public async Task Records_left_when_the_deadline_is_near_are_reported_for_redelivery()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        string[] failures = await ProcessSqsAsync(EventFixtures.Json("sqs-standard.json"), cancellationToken: cancelled.Token);

        Assert.Equal(2, failures.Length);
        Assert.Empty(_handled);
    }

    [Theory]
    [InlineData(S3Fault.SlowDown503)]
    [InlineData(S3Fault.ConnectionReset)]
    [InlineData(S3Fault.TruncatedBody)]
    public async Task S3_fault_on_one_record_fails_only_that_record_and_keeps_its_object(S3Fault fault)
    {
        string faultyKey = $"faulty-{fault}";
        string healthyKey = $"healthy-{fault}";
        byte[] faulty = await PutAsync(faultyKey, new Order { Id = "faulty", Lines = ["x"] });
        byte[] healthy = await PutAsync(healthyKey, new Order { Id = "healthy" });
        var batch = new JsonObject
        {
            ["Records"] = new JsonArray(
                SqsRecord("m-inline", """{"Id":"inline"}"""),
                SignedJavaRecord("m-faulty", faultyKey, faulty),
                SignedJavaRecord("m-healthy", healthyKey, healthy)),
        };
        _faults.TargetKey = faultyKey;
        _faults.Fault = fault;

        string[] failures = await ProcessSqsAsync(batch, options: new ClaimCheckBatchOptions { DeletePayloadAfterProcessing = true });

        _faults.Fault = S3Fault.None;
        Assert.Equal(["m-faulty"], failures);
        Assert.Equal(["inline", "healthy"], _handled.Select(h => h.Order!.Id));
        Assert.True(await ExistsAsync(faultyKey), "a failed record's object must be kept for the retry");
        Assert.False(await ExistsAsync(healthyKey), "a processed record's object is deleted when deletion is on");
    }

    [Fact]
    public async Task Object_behind_a_pointer_without_a_hash_is_never_deleted()
    {
        // A key alone does not prove the sender owns the object: otherwise anyone who can send to the queue could
        // delete other messages' payloads by naming their keys.
        await PutAsync("someone-elses-payload", new Order { Id = "theirs" });
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("m1", JavaPointer("someone-elses-payload"))) };

        Assert.Empty(await ProcessSqsAsync(batch, options: new ClaimCheckBatchOptions { DeletePayloadAfterProcessing = true }));
        Assert.True(await ExistsAsync("someone-elses-payload"));
    }

    [Fact]
    public async Task Object_of_a_record_whose_handler_fails_is_kept_even_with_deletion_on()
    {
        byte[] content = await PutAsync("handler-fails", new Order { Id = "doomed" });
        var batch = new JsonObject { ["Records"] = new JsonArray(SignedJavaRecord("m1", "handler-fails", content)) };

        string[] failures = await ProcessSqsAsync(batch, options: new ClaimCheckBatchOptions { DeletePayloadAfterProcessing = true }, handler: (_, _) => throw new InvalidOperationException("no"));

        Assert.Equal(["m1"], failures);
        Assert.True(await ExistsAsync("handler-fails"));
    }

    [Fact]
    public async Task Objects_are_kept_by_default()
    {
        await PutAsync("kept-by-default", new Order { Id = "kept" });
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("m1", JavaPointer("kept-by-default"))) };

        Assert.Empty(await ProcessSqsAsync(batch));
        Assert.True(await ExistsAsync("kept-by-default"));
    }

    [Fact]
    public async Task Sha256_attribute_beside_a_Java_pointer_verifies_the_content()
    {
        byte[] original = JsonSerializer.SerializeToUtf8Bytes(new Order { Id = "signed" }, OrderType);
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = JavaBucket, Key = "signed", InputStream = new MemoryStream(Encoding.UTF8.GetBytes("""{"Id":"forged"}""")), UseChunkEncoding = false });
        JsonObject record = SqsRecord("m1", JavaPointer("signed"));
        record["messageAttributes"] = new JsonObject
        {
            ["ExtendedPayloadSize"] = new JsonObject { ["stringValue"] = original.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ["dataType"] = "Number" },
            ["PayloadGenSha256"] = new JsonObject { ["stringValue"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(original)).ToLowerInvariant(), ["dataType"] = "String" },
        };
        var errors = new List<Exception>();

        string[] failures = await ProcessSqsAsync(new JsonObject { ["Records"] = new JsonArray(record) }, observer: errors);

        Assert.Equal(["m1"], failures);
        Assert.IsType<PayloadIntegrityException>(Assert.Single(errors));
    }

    [Fact]
    public async Task Sns_event_hydrates_the_pointer_in_the_message()
    {
        await using Stream response = await _runtime.ProcessSnsEventAsync(EventFixtures.Stream(EventFixtures.Json("sns.json")), OrderType, false, Handle, null, CancellationToken.None);

        Assert.Equal(0, response.Length);
        (Order? order, QueueMessageContext context) = Assert.Single(_handled);
        Assert.Equal("sns-order", order!.Id);
        Assert.Equal(PayloadSource.Sns, context.Source);
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:orders-topic", context.TopicArn);
        Assert.Equal("524288", context.MessageAttributes["ExtendedPayloadSize"]);
    }

    [Fact]
    public async Task Sns_event_with_a_failed_record_fails_the_invocation_for_a_retry()
    {
        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(async () =>
            await _runtime.ProcessSnsEventAsync(EventFixtures.Stream(EventFixtures.Json("sns.json")), OrderType, false, (_, _, _) => throw new InvalidOperationException("down"), null, CancellationToken.None));

        Assert.Equal(["95df01b4-ee98-5cb9-9903-4c221d41eb5e"], error.FailedMessageIds);
        Assert.True(await ExistsAsync(SnsPointerKey));
    }

    [Fact]
    public async Task Sns_notification_inside_an_SQS_body_is_unwrapped()
    {
        string[] failures = await ProcessSqsAsync(EventFixtures.Json("sqs-from-sns-envelope.json"));

        Assert.Empty(failures);
        (Order? order, QueueMessageContext context) = Assert.Single(_handled);
        Assert.Equal("enveloped-order", order!.Id);
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:orders-topic", context.TopicArn);
        Assert.Equal("1572864", context.MessageAttributes["ExtendedPayloadSize"]);
        Assert.Equal("c0ffee00-1234-4abc-9def-000000000010", context.MessageId);
    }

    [Fact]
    public async Task Raw_delivery_from_SNS_to_SQS_is_an_ordinary_SQS_record()
    {
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("raw-1", JavaPointer(EnvelopePointerKey))) };

        Assert.Empty(await ProcessSqsAsync(batch));
        Assert.Equal("enveloped-order", Assert.Single(_handled).Order!.Id);
    }

    [Theory]
    [InlineData("""{"Records":"nope"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"Records":[{"body":"{}"}]}""")]
    public async Task Payload_that_is_not_an_SQS_event_is_a_specific_error(string json)
    {
        await Assert.ThrowsAsync<ClaimCheckEventException>(async () =>
            await _runtime.ProcessSqsBatchAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), OrderType, false, Handle, null, CancellationToken.None));
    }

    private ClaimCheckRuntime CreateRuntime(IClaimCheckObserver? observer)
        => ClaimCheckRuntime.Create(
            new ClaimCheckOptions { Bucket = JavaBucket, KeyPrefix = ClaimCheckOptions.WholeBucketKeyPrefix, S3ChunkedEncoding = false, Observer = observer },
            _client);

    private async Task<string[]> ProcessSqsAsync(
        JsonObject batch,
        ClaimCheckRuntime? runtime = null,
        ClaimCheckBatchOptions? options = null,
        Func<Order?, QueueMessageContext, ValueTask>? handler = null,
        List<Exception>? observer = null,
        CancellationToken cancellationToken = default)
    {
        // Options are frozen once a runtime uses them, so an observed run gets a runtime of its own.
        runtime ??= observer is null ? _runtime : CreateRuntime(new CollectingObserver(observer));

        await using Stream response = await runtime.ProcessSqsBatchAsync(
            EventFixtures.Stream(batch),
            OrderType,
            allowBarePointer: false,
            async (order, context, ct) =>
            {
                _handled.Enqueue((order, context));
                if (handler is not null)
                {
                    await handler(order, context);
                }
            },
            options,
            cancellationToken);
        using JsonDocument document = JsonDocument.Parse(response);
        return document.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(item => item.GetProperty("itemIdentifier").GetString()!).ToArray();
    }

    private ValueTask Handle(Order? order, QueueMessageContext context, CancellationToken cancellationToken)
    {
        _handled.Enqueue((order, context));
        return ValueTask.CompletedTask;
    }

    private static JsonObject SqsRecord(string messageId, string body, string? group = null)
    {
        var attributes = new JsonObject { ["ApproximateReceiveCount"] = "1", ["SentTimestamp"] = "1764230400000" };
        if (group is not null)
        {
            attributes["MessageGroupId"] = group;
        }

        return new JsonObject
        {
            ["messageId"] = messageId,
            ["receiptHandle"] = "handle-" + messageId,
            ["body"] = body,
            ["attributes"] = attributes,
            ["messageAttributes"] = new JsonObject(),
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = group is null ? "arn:aws:sqs:us-east-1:123456789012:orders" : "arn:aws:sqs:us-east-1:123456789012:orders.fifo",
            ["awsRegion"] = "us-east-1",
        };
    }

    private static string JavaPointer(string key) => $$"""["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"{{JavaBucket}}","s3Key":"{{key}}"}]""";

    private async Task<byte[]> PutAsync(string key, Order order, long? announcedSize = null)
    {
        S3Fault fault = _faults.Fault;
        _faults.Fault = S3Fault.None;
        byte[] content = JsonSerializer.SerializeToUtf8Bytes(order, OrderType);
        if (announcedSize is long size)
        {
            content = EventFixtures.StoredAs(content, size);
        }

        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = JavaBucket,
            Key = key,
            InputStream = new MemoryStream(content),
            UseChunkEncoding = false,
        });
        _faults.Fault = fault;
        return content;
    }

    /// <summary>A Java-format pointer with the size and hash attributes PayloadGen's sender adds beside it.</summary>
    private static JsonObject SignedJavaRecord(string messageId, string key, byte[] content)
    {
        JsonObject record = SqsRecord(messageId, JavaPointer(key));
        record["messageAttributes"] = new JsonObject
        {
            ["ExtendedPayloadSize"] = new JsonObject { ["stringValue"] = content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ["dataType"] = "Number" },
            ["PayloadGenSha256"] = new JsonObject { ["stringValue"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)).ToLowerInvariant(), ["dataType"] = "String" },
        };
        return record;
    }

    private async Task<bool> ExistsAsync(string key)
    {
        try
        {
            await _client.GetObjectMetadataAsync(JavaBucket, key);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class CollectingObserver : IClaimCheckObserver
    {
        private readonly List<Exception> _errors;

        public CollectingObserver(List<Exception> errors) => _errors = errors;

        public void OnPayload(ClaimCheckEvent payloadEvent)
        {
        }

        public void OnRecordFailed(QueueMessageContext message, Exception exception)
        {
            lock (_errors)
            {
                _errors.Add(exception);
            }
        }
    }
}
