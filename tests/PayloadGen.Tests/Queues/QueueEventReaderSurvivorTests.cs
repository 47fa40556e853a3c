using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static PayloadGen.Tests.Queues.StringQueueBench;

namespace PayloadGen.Tests.Queues;

/// <summary>
/// The reader's edges the mutation run left open: an SNS envelope in an SQS body when unwrapping is off, one not
/// spelled as SNS writes it, and a record whose body (or SNS Message) is null.
/// </summary>
public sealed class QueueEventReaderSurvivorTests : IDisposable
{
    private readonly StringQueueBench _bench = new();

    public void Dispose() => _bench.Dispose();

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
        (string delivered, string? topicArn) = await _bench.DeliverOneSqsBodyAsync(envelope, unwrapSnsNotifications: false);
        Assert.Equal(envelope, delivered);
        Assert.Null(topicArn);
        Assert.Empty(_bench.Reported);
    }

    // SNS writes its envelope's names and Type literally; a body that spells them with escapes was written by
    // someone else, so it is the message itself, although it parses to the same envelope.
    [Theory]
    [InlineData("""{"Type":"Notification","MessageId":"n-1","\u0054opicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"\"inner\""}""")]
    [InlineData("""{"Type":"\u004eotification","MessageId":"n-1","TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"\"inner\""}""")]
    public async Task An_envelope_not_spelled_as_SNS_writes_it_is_the_message_itself(string body)
    {
        (string delivered, string? topicArn) = await _bench.DeliverOneSqsBodyAsync(body, unwrapSnsNotifications: true);
        Assert.Equal(body, delivered);
        Assert.Null(topicArn);
    }

    [Fact]
    public async Task An_SQS_record_with_a_null_body_fails_alone_as_an_empty_message()
    {
        JsonObject nullBody = SqsRecord("null-body", "ignored");
        nullBody["body"] = null;
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("good", "\"good\""), nullBody) };

        string[] failed = await _bench.ProcessSqsAsync(batch);

        Assert.Equal(["null-body"], failed);
        Assert.Equal(["good"], _bench.Handled);
        Assert.Equal(EmptyMessageReason, Assert.IsType<PayloadJsonException>(Assert.Single(_bench.Reported)).Message);
    }

    [Fact]
    public async Task An_SNS_record_with_a_null_Message_fails_as_an_empty_message()
    {
        JsonObject nullMessage = SnsRecord("null-message", "ignored");
        nullMessage["Sns"]!["Message"] = null;
        var batch = new JsonObject { ["Records"] = new JsonArray(SnsRecord("good", "\"good\""), nullMessage) };

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(() => _bench.ProcessSnsAsync(batch));

        Assert.Equal(["good"], _bench.Handled);
        Assert.Equal(["null-message"], error.FailedMessageIds);
        Assert.Equal(EmptyMessageReason, Assert.IsType<PayloadJsonException>(error.InnerException).Message);
    }

    // A missing body is read as the empty message: not JSON, so the record fails the way any non-JSON body does.
    private const string EmptyMessageReason = "The inline payload is not valid JSON for System.String at $ (line 1, byte 1): the text is not well-formed JSON.";
}
