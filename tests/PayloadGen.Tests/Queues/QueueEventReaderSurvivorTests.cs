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
/// The reader's edges the mutation run left open: an SNS envelope in an SQS body when unwrapping is off, one not
/// spelled as SNS writes it, and a record whose body (or SNS Message) is null.
/// </summary>
public sealed class QueueEventReaderSurvivorTests : IDisposable
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:orders-topic";

    private readonly TemporaryDirectory _directory = new();
    private readonly ConcurrentQueue<string> _handled = new();
    private readonly ConcurrentQueue<Exception> _reported = new();
    private readonly ClaimCheckRuntime _runtime;

    public QueueEventReaderSurvivorTests() =>
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Observer = new Recorder(_reported) }, new FilePayloadStore(_directory.Path));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task An_SNS_envelope_in_an_SQS_body_is_delivered_as_is_when_unwrapping_is_off()
    {
        // SNS → SQS with raw message delivery, or a plain SQS sender whose message happens to be an envelope: the
        // body is the message, its TopicArn is not the record's, and its "Message" is not what the handler gets.
        string envelope = new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = "n-1",
            ["TopicArn"] = TopicArn,
            ["Message"] = "\"inner\"",
        }.ToJsonString();
        (string delivered, string? topicArn) = await DeliverOneSqsBodyAsync(envelope, unwrapSnsNotifications: false);
        Assert.Equal(envelope, delivered);
        Assert.Null(topicArn);
        Assert.Empty(_reported);
    }

    // SNS writes its envelope's names and Type literally; a body that spells them with escapes was written by
    // someone else, so it is the message itself, although it parses to the same envelope.
    [Theory]
    [InlineData("""{"Type":"Notification","MessageId":"n-1","\u0054opicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"\"inner\""}""")]
    [InlineData("""{"Type":"\u004eotification","MessageId":"n-1","TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"\"inner\""}""")]
    public async Task An_envelope_not_spelled_as_SNS_writes_it_is_the_message_itself(string body)
    {
        (string delivered, string? topicArn) = await DeliverOneSqsBodyAsync(body, unwrapSnsNotifications: true);
        Assert.Equal(body, delivered);
        Assert.Null(topicArn);
    }

    [Fact]
    public async Task An_SQS_record_with_a_null_body_fails_alone_as_an_empty_message()
    {
        JsonObject nullBody = SqsRecord("null-body", "ignored");
        nullBody["body"] = null;
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("good", "\"good\""), nullBody) };

        await using Stream response = await _runtime.ProcessSqsBatchAsync(EventFixtures.Stream(batch), AttackerHarness.StringType, false, Handle, null, CancellationToken.None);
        using JsonDocument result = await JsonDocument.ParseAsync(response);

        Assert.Equal(["null-body"], result.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(item => item.GetProperty("itemIdentifier").GetString()));
        Assert.Equal(["good"], _handled);
        Assert.Equal(EmptyMessageReason, Assert.IsType<PayloadJsonException>(Assert.Single(_reported)).Message);
    }

    [Fact]
    public async Task An_SNS_record_with_a_null_Message_fails_as_an_empty_message()
    {
        JsonObject nullMessage = Sns("null-message", "ignored");
        nullMessage["Sns"]!["Message"] = null;
        var batch = new JsonObject { ["Records"] = new JsonArray(Sns("good", "\"good\""), nullMessage) };

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(async () => await _runtime.ProcessSnsEventAsync(EventFixtures.Stream(batch), AttackerHarness.StringType, false, Handle, null, CancellationToken.None));

        Assert.Equal(["good"], _handled);
        Assert.Equal(["null-message"], error.FailedMessageIds);
        Assert.Equal(EmptyMessageReason, Assert.IsType<PayloadJsonException>(error.InnerException).Message);
    }

    // A missing body is read as the empty message: not JSON, so the record fails the way any non-JSON body does.
    private const string EmptyMessageReason = "The inline payload is not valid JSON for System.String at $ (line 1, byte 1): the text is not well-formed JSON.";

    private ValueTask Handle(string? message, QueueMessageContext context, CancellationToken cancellationToken)
    {
        _handled.Enqueue(message!);
        return ValueTask.CompletedTask;
    }

    private static JsonObject SqsRecord(string id, string body) => new()
    {
        ["messageId"] = id,
        ["body"] = body,
        ["messageAttributes"] = new JsonObject(),
        ["eventSourceARN"] = "arn:aws:sqs:us-east-1:123456789012:orders",
    };

    private static JsonObject Sns(string id, string message) => new()
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

    /// <summary>Runs a batch of one SQS record and returns the raw JSON and topic the handler received for it.</summary>
    private async Task<(string Body, string? TopicArn)> DeliverOneSqsBodyAsync(string body, bool unwrapSnsNotifications)
    {
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("m1", body)) };
        var received = new ConcurrentQueue<(string Body, string? TopicArn)>();

        await using Stream response = await _runtime.ProcessSqsBatchAsync(
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
}
