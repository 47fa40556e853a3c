using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static PayloadGen.Tests.Queues.StringQueueBench;

namespace PayloadGen.Tests.Queues;

/// <summary>
/// A malformed record fails alone when it has an id to be reported by; one without an id makes the invocation fail
/// after the others ran, so Lambda delivers it again instead of deleting it unreported.
/// </summary>
public sealed class MalformedRecordTests : IDisposable
{
    private readonly StringQueueBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task An_SQS_record_without_messageId_lets_the_others_run_then_fails_the_invocation_naming_its_position()
    {
        JsonObject unnamed = SqsRecord("ignored", "\"no id\"");
        unnamed.Remove("messageId");
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("first", "\"one\""), unnamed, SqsRecord("third", "\"three\"")) };

        var error = await Assert.ThrowsAsync<ClaimCheckEventException>(() => _bench.ProcessSqsAsync(batch));

        Assert.Equal(["one", "three"], _bench.Handled.Order());
        Assert.Contains("position 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("messageId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_SQS_record_that_cannot_be_read_but_has_a_messageId_fails_alone()
    {
        JsonObject broken = SqsRecord("broken-1", "\"x\"");
        broken["messageAttributes"] = 5;
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("good-1", "\"good\""), broken) };

        string[] failed = await _bench.ProcessSqsAsync(batch);

        Assert.Equal(["broken-1"], failed);
        Assert.Equal(["good"], _bench.Handled);
    }

    [Fact]
    public async Task An_SQS_record_that_cannot_be_read_and_has_no_messageId_fails_the_invocation_after_the_others()
    {
        var broken = new JsonObject { ["body"] = "\"x\"", ["attributes"] = "not an object" };
        var batch = new JsonObject { ["Records"] = new JsonArray(broken, SqsRecord("good-1", "\"good\"")) };

        var error = await Assert.ThrowsAsync<ClaimCheckEventException>(() => _bench.ProcessSqsAsync(batch));

        Assert.Equal(["good"], _bench.Handled);
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

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(() => _bench.ProcessSnsAsync(batch));

        Assert.Equal(["two"], _bench.Handled);
        Assert.Equal(["(record 1: no MessageId)"], error.FailedMessageIds);
    }
}
