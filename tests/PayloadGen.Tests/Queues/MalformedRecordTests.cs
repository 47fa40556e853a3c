using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Queues;

/// <summary>
/// A malformed record fails alone when it has an id to be reported by; one without an id makes the invocation fail
/// after the others ran, so Lambda delivers it again instead of deleting it unreported.
/// </summary>
public sealed class MalformedRecordTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly ClaimCheckRuntime _runtime;
    private readonly ConcurrentQueue<string> _handled = new();

    public MalformedRecordTests() => _runtime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(_directory.Path));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task An_SQS_record_without_messageId_lets_the_others_run_then_fails_the_invocation_naming_its_position()
    {
        JsonObject unnamed = Sqs("ignored", "\"no id\"");
        unnamed.Remove("messageId");
        var batch = new JsonObject { ["Records"] = new JsonArray(Sqs("first", "\"one\""), unnamed, Sqs("third", "\"three\"")) };

        var error = await Assert.ThrowsAsync<ClaimCheckEventException>(() => ProcessSqsAsync(batch));

        Assert.Equal(["one", "three"], _handled.Order());
        Assert.Contains("position 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("messageId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_SQS_record_that_cannot_be_read_but_has_a_messageId_fails_alone()
    {
        JsonObject broken = Sqs("broken-1", "\"x\"");
        broken["messageAttributes"] = 5;
        var batch = new JsonObject { ["Records"] = new JsonArray(Sqs("good-1", "\"good\""), broken) };

        string[] failed = await ProcessSqsAsync(batch);

        Assert.Equal(["broken-1"], failed);
        Assert.Equal(["good"], _handled);
    }

    [Fact]
    public async Task An_SQS_record_that_cannot_be_read_and_has_no_messageId_fails_the_invocation_after_the_others()
    {
        var broken = new JsonObject { ["body"] = "\"x\"", ["attributes"] = "not an object" };
        var batch = new JsonObject { ["Records"] = new JsonArray(broken, Sqs("good-1", "\"good\"")) };

        var error = await Assert.ThrowsAsync<ClaimCheckEventException>(() => ProcessSqsAsync(batch));

        Assert.Equal(["good"], _handled);
        Assert.Contains("position 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_SNS_record_without_MessageId_lets_the_others_run_and_is_listed_as_failed()
    {
        var batch = new JsonObject
        {
            ["Records"] = new JsonArray(
                new JsonObject { ["Sns"] = new JsonObject { ["Message"] = "\"no id\"" } },
                new JsonObject { ["Sns"] = new JsonObject { ["MessageId"] = "sns-2", ["Message"] = "\"two\"" } }),
        };

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(async () =>
            await _runtime.ProcessSnsEventAsync(EventFixtures.Stream(batch), Adversarial.AttackerHarness.StringType, false, Handle, null, CancellationToken.None));

        Assert.Equal(["two"], _handled);
        Assert.Equal(["(record 1: no MessageId)"], error.FailedMessageIds);
    }

    private async Task<string[]> ProcessSqsAsync(JsonObject batch)
    {
        await using Stream response = await _runtime.ProcessSqsBatchAsync(EventFixtures.Stream(batch), Adversarial.AttackerHarness.StringType, false, Handle, null, CancellationToken.None);
        using JsonDocument result = await JsonDocument.ParseAsync(response);
        return result.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(item => item.GetProperty("itemIdentifier").GetString()!).ToArray();
    }

    private ValueTask Handle(string? message, QueueMessageContext context, CancellationToken cancellationToken)
    {
        _handled.Enqueue(message!);
        return ValueTask.CompletedTask;
    }

    private static JsonObject Sqs(string id, string body) => new()
    {
        ["messageId"] = id,
        ["body"] = body,
        ["messageAttributes"] = new JsonObject(),
        ["eventSourceARN"] = "arn:aws:sqs:us-east-1:123456789012:orders",
    };
}
