using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Adversarial;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Queues;

/// <summary>
/// What the queue tests of string messages share: a file store in a temporary directory, a runtime whose observer
/// keeps every record failure it is told of, a handler that keeps every message it receives, and SQS and SNS records
/// carrying only the fields the runtime reads.
/// </summary>
internal sealed class StringQueueBench : IDisposable
{
    public const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:orders";

    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:orders-topic";

    private readonly TemporaryDirectory _directory = new();

    public StringQueueBench()
    {
        Files = new FilePayloadStore(_directory.Path);
        Runtime = RuntimeOver(Files);
    }

    /// <summary>The folder the file store keeps its buckets in.</summary>
    public string Folder => _directory.Path;

    public FilePayloadStore Files { get; }

    /// <summary>A runtime over <see cref="Files"/> that reports record failures to <see cref="Reported"/>.</summary>
    public ClaimCheckRuntime Runtime { get; }

    /// <summary>The messages <see cref="Handle"/> received, in the order it received them.</summary>
    public ConcurrentQueue<string> Handled { get; } = new();

    /// <summary>The record failures the runtime reported to its observer.</summary>
    public ConcurrentQueue<Exception> Reported { get; } = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>A runtime over <paramref name="store"/> that reports record failures to <see cref="Reported"/>.</summary>
    public ClaimCheckRuntime RuntimeOver(IPayloadStore store) => new(new ClaimCheckOptions { Observer = new Recorder(Reported) }, store);

    /// <summary>The handler that keeps every message in <see cref="Handled"/>.</summary>
    public ValueTask Handle(string? message, QueueMessageContext context, CancellationToken cancellationToken)
    {
        Handled.Enqueue(message!);
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs an SQS batch of string messages and returns the ids of the records reported failed.</summary>
    public async Task<string[]> ProcessSqsAsync(
        JsonObject batch,
        Func<string?, QueueMessageContext, CancellationToken, ValueTask>? handler = null,
        ClaimCheckBatchOptions? options = null,
        ClaimCheckRuntime? runtime = null)
    {
        await using Stream response = await (runtime ?? Runtime).ProcessSqsBatchAsync(
            EventFixtures.Stream(batch), AttackerHarness.StringType, false, handler ?? Handle, options, CancellationToken.None);
        using JsonDocument result = await JsonDocument.ParseAsync(response);
        return result.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(item => item.GetProperty("itemIdentifier").GetString()!).ToArray();
    }

    /// <summary>Runs an SNS event of string messages; a failed record throws <see cref="ClaimCheckBatchException"/>.</summary>
    public async Task ProcessSnsAsync(JsonObject batch, ClaimCheckBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using Stream response = await Runtime.ProcessSnsEventAsync(EventFixtures.Stream(batch), AttackerHarness.StringType, false, Handle, options, cancellationToken);
    }

    /// <summary>Runs a batch of one SQS record and returns the raw JSON and the topic the handler received for it.</summary>
    public async Task<(string Body, string? TopicArn)> DeliverOneSqsBodyAsync(string body, bool unwrapSnsNotifications)
    {
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("m1", body)) };
        var received = new ConcurrentQueue<(string Body, string? TopicArn)>();

        await using Stream response = await Runtime.ProcessSqsBatchAsync(
            EventFixtures.Stream(batch),
            ClaimCheckJson.GetTypeInfo<JsonElement>(),
            false,
            (message, context, _) =>
            {
                received.Enqueue((message.GetRawText(), context.TopicArn));
                return ValueTask.CompletedTask;
            },
            new ClaimCheckBatchOptions { UnwrapSnsNotifications = unwrapSnsNotifications },
            CancellationToken.None);

        return Assert.Single(received);
    }

    public static JsonObject SqsRecord(string id, string body) => new()
    {
        ["messageId"] = id,
        ["body"] = body,
        ["messageAttributes"] = new JsonObject(),
        ["eventSourceARN"] = QueueArn,
    };

    public static JsonObject SnsRecord(string id, string message) => new()
    {
        ["EventSubscriptionArn"] = TopicArn + ":sub",
        ["Sns"] = new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = id,
            ["TopicArn"] = TopicArn,
            ["Message"] = message,
            ["MessageAttributes"] = new JsonObject(),
        },
    };

    private sealed class Recorder(ConcurrentQueue<Exception> reported) : IClaimCheckObserver
    {
        public void OnPayload(ClaimCheckEvent payloadEvent)
        {
        }

        public void OnRecordFailed(QueueMessageContext message, Exception exception) => reported.Enqueue(exception);
    }
}
