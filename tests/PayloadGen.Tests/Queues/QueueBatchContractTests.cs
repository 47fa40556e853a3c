using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Adversarial;
using PayloadGen.Tests.Infrastructure;
using Xunit;
using static PayloadGen.Tests.Queues.StringQueueBench;

namespace PayloadGen.Tests.Queues;

/// <summary>
/// What a queue or topic invocation promises beyond the happy path: arguments checked up front, concurrency bounded
/// by the option, SNS failures reported with the first error in record order, events that are not events refused
/// clearly, and no continuation resuming on the caller's context.
/// </summary>
public sealed class QueueBatchContractTests : IDisposable
{
    private readonly StringQueueBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public void Missing_arguments_are_refused_by_name_before_anything_runs()
    {
        // Thrown by the call itself, not by the task it returns.
        Stream input = EventFixtures.Stream(new JsonObject { ["Records"] = new JsonArray() });

        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => { _ = _bench.Runtime.ProcessSqsBatchAsync(null!, AttackerHarness.StringType, false, _bench.Handle, null, CancellationToken.None).AsTask(); }).ParamName);
        Assert.Equal("typeInfo", Assert.Throws<ArgumentNullException>(() => { _ = _bench.Runtime.ProcessSqsBatchAsync<string>(input, null!, false, _bench.Handle, null, CancellationToken.None).AsTask(); }).ParamName);
        Assert.Equal("handler", Assert.Throws<ArgumentNullException>(() => { _ = _bench.Runtime.ProcessSqsBatchAsync(input, AttackerHarness.StringType, false, null!, null, CancellationToken.None).AsTask(); }).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => { _ = _bench.Runtime.ProcessSnsEventAsync(null!, AttackerHarness.StringType, false, _bench.Handle, null, CancellationToken.None).AsTask(); }).ParamName);
        Assert.Equal("typeInfo", Assert.Throws<ArgumentNullException>(() => { _ = _bench.Runtime.ProcessSnsEventAsync<string>(input, null!, false, _bench.Handle, null, CancellationToken.None).AsTask(); }).ParamName);
        Assert.Equal("handler", Assert.Throws<ArgumentNullException>(() => { _ = _bench.Runtime.ProcessSnsEventAsync(input, AttackerHarness.StringType, false, null!, null, CancellationToken.None).AsTask(); }).ParamName);
    }

    [Fact]
    public async Task An_SNS_invocation_applies_the_batch_options_it_is_given()
    {
        byte[] payload = "\"offloaded\""u8.ToArray();
        string key = AttackerHarness.Prefix + "sns.json";
        string path = Path.Combine(_bench.Folder, AttackerHarness.Bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, payload);
        var batch = new JsonObject { ["Records"] = new JsonArray(SnsRecord("sns-1", AttackerHarness.PointerJson(AttackerHarness.Bucket, key, payload.Length, Sha256Hex.Of(payload)))) };

        await _bench.ProcessSnsAsync(batch, new ClaimCheckBatchOptions { DeletePayloadAfterProcessing = true });

        Assert.Equal(["offloaded"], _bench.Handled);
        Assert.False(File.Exists(path), "DeletePayloadAfterProcessing from the batch options deletes the processed object");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    public async Task No_more_records_run_at_once_than_MaxConcurrency_allows(int maxConcurrency, int expected)
    {
        var batch = new JsonObject { ["Records"] = new JsonArray(Enumerable.Range(1, 6).Select(i => (JsonNode)SqsRecord($"m{i}", $"\"{i}\"")).ToArray()) };
        int running = 0;
        int most = 0;

        string[] failed = await _bench.ProcessSqsAsync(
            batch,
            async (message, _, cancellationToken) =>
            {
                int now = Interlocked.Increment(ref running);
                int seen;
                while ((seen = Volatile.Read(ref most)) < now && Interlocked.CompareExchange(ref most, now, seen) != seen)
                {
                }

                await Task.Delay(30, cancellationToken).ConfigureAwait(false);
                Interlocked.Decrement(ref running);
                _bench.Handled.Enqueue(message!);
            },
            new ClaimCheckBatchOptions { MaxConcurrency = maxConcurrency });

        Assert.Empty(failed);
        Assert.Equal(6, _bench.Handled.Count);
        Assert.Equal(expected, most);
    }

    [Fact]
    public async Task Several_SQS_records_without_messageId_are_all_named_with_what_ran()
    {
        JsonObject second = SqsRecord("x", "\"two\"");
        second.Remove("messageId");
        JsonObject fourth = SqsRecord("", "\"four\"");
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("m1", "\"one\""), second, SqsRecord("m3", "\"three\""), fourth) };

        var error = await Assert.ThrowsAsync<ClaimCheckEventException>(() => _bench.ProcessSqsAsync(batch, (message, _, _) =>
            message == "three" ? throw new InvalidOperationException("handler failed") : _bench.Handle(message, null!, CancellationToken.None)));

        Assert.Equal(["one"], _bench.Handled);
        Assert.StartsWith("SQS record(s) at position 2, 4 have no messageId, so batchItemFailures cannot name them; ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("the invocation fails so Lambda delivers the whole batch again (2 other record(s) ran, 1 of them failed).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unnamed_records_message_counts_the_failed_records_not_the_succeeded_ones()
    {
        // Three named records, one failing: a count of the successes (2) cannot pass for the count of failures (1).
        JsonObject unnamed = SqsRecord("x", "\"four\"");
        unnamed.Remove("messageId");
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("m1", "\"one\""), SqsRecord("m2", "\"two\""), SqsRecord("m3", "\"three\""), unnamed) };

        var error = await Assert.ThrowsAsync<ClaimCheckEventException>(() => _bench.ProcessSqsAsync(batch, (message, _, _) =>
            message == "two" ? throw new InvalidOperationException("handler failed") : _bench.Handle(message, null!, CancellationToken.None)));

        Assert.EndsWith("the invocation fails so Lambda delivers the whole batch again (3 other record(s) ran, 1 of them failed).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_SNS_invocation_carries_the_first_failure_in_record_order()
    {
        JsonObject unnamed = SnsRecord("ignored", "\"three\"");
        ((JsonObject)unnamed["Sns"]!).Remove("MessageId");
        var batch = new JsonObject { ["Records"] = new JsonArray(SnsRecord("sns-1", "\"one\""), SnsRecord("sns-2", "\"two\""), unnamed) };

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(async () => await _bench.Runtime.ProcessSnsEventAsync(
            EventFixtures.Stream(batch),
            AttackerHarness.StringType,
            false,
            (message, _, _) => throw new InvalidOperationException("failed on " + message),
            null,
            CancellationToken.None));

        Assert.Equal(["sns-1", "sns-2", "(record 3: no MessageId)"], error.FailedMessageIds);
        Assert.Equal("failed on one", Assert.IsType<InvalidOperationException>(error.InnerException).Message);
    }

    [Fact]
    public async Task An_SNS_invocation_whose_only_problem_is_a_record_without_MessageId_says_so()
    {
        JsonObject unnamed = SnsRecord("ignored", "\"two\"");
        ((JsonObject)unnamed["Sns"]!).Remove("MessageId");
        var batch = new JsonObject { ["Records"] = new JsonArray(SnsRecord("sns-1", "\"one\""), unnamed) };

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(() => _bench.ProcessSnsAsync(batch));

        Assert.Equal(["one"], _bench.Handled);
        Assert.Equal(
            "The SNS record at position 2 has no MessageId; the invocation payload is not an SNS event as Lambda delivers it.",
            Assert.IsType<ClaimCheckEventException>(error.InnerException).Message);
    }

    [Fact]
    public async Task SNS_records_left_at_the_deadline_fail_the_invocation_saying_why()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var batch = new JsonObject { ["Records"] = new JsonArray(SnsRecord("sns-1", "\"one\"")) };

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(() => _bench.ProcessSnsAsync(batch, cancellationToken: cancelled.Token));

        Assert.Empty(_bench.Handled);
        Assert.Equal("Not processed: the Lambda deadline is near.", Assert.IsType<OperationCanceledException>(error.InnerException).Message);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Records":null}""")]
    public async Task An_event_without_Records_is_refused_instead_of_succeeding_with_nothing_done(string json)
    {
        var sqs = await Assert.ThrowsAsync<ClaimCheckEventException>(async () => await _bench.Runtime.ProcessSqsBatchAsync(Utf8(json), AttackerHarness.StringType, false, _bench.Handle, null, CancellationToken.None));
        var sns = await Assert.ThrowsAsync<ClaimCheckEventException>(async () => await _bench.Runtime.ProcessSnsEventAsync(Utf8(json), AttackerHarness.StringType, false, _bench.Handle, null, CancellationToken.None));

        Assert.Equal("The invocation payload is not an SQS event: it has no Records.", sqs.Message);
        Assert.Equal("The invocation payload is not an SNS event: it has no Records.", sns.Message);
    }

    [Fact]
    public async Task A_null_event_is_refused_by_name()
    {
        var sqs = await Assert.ThrowsAsync<ClaimCheckEventException>(async () => await _bench.Runtime.ProcessSqsBatchAsync(Utf8("null"), AttackerHarness.StringType, false, _bench.Handle, null, CancellationToken.None));
        var sns = await Assert.ThrowsAsync<ClaimCheckEventException>(async () => await _bench.Runtime.ProcessSnsEventAsync(Utf8("null"), AttackerHarness.StringType, false, _bench.Handle, null, CancellationToken.None));

        Assert.Equal("The invocation payload is null, not an SQS event.", sqs.Message);
        Assert.Equal("The invocation payload is null, not an SNS event.", sns.Message);
    }

    [Fact]
    public async Task An_unreadable_SQS_record_is_reported_with_its_position()
    {
        JsonObject broken = SqsRecord("broken-1", "\"x\"");
        broken["messageAttributes"] = 5;
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("good-1", "\"good\""), broken) };

        Assert.Equal(["broken-1"], await _bench.ProcessSqsAsync(batch));

        Assert.Equal(
            "The SQS record at position 2 is not a record as Lambda delivers it; it is reported failed without running the handler.",
            Assert.IsType<ClaimCheckEventException>(Assert.Single(_bench.Reported)).Message);
    }

    [Fact]
    public async Task An_unreadable_SNS_record_fails_by_its_MessageId_and_one_without_an_id_by_its_position()
    {
        JsonObject named = SnsRecord("sns-broken", "\"x\"");
        named["Sns"]!["MessageAttributes"] = 5;
        var anonymous = new JsonObject { ["Sns"] = new JsonObject { ["Message"] = "\"y\"", ["MessageAttributes"] = 5 } };
        var batch = new JsonObject { ["Records"] = new JsonArray(SnsRecord("sns-good", "\"good\""), named, anonymous, JsonValue.Create(7)) };

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(() => _bench.ProcessSnsAsync(batch));

        Assert.Equal(["good"], _bench.Handled);
        Assert.Equal(["sns-broken", "(record 3: no MessageId)", "(record 4: no MessageId)"], error.FailedMessageIds);
        Assert.Equal(
            "The SNS record at position 2 is not a record as Lambda delivers it; it is reported failed without running the handler.",
            Assert.IsType<ClaimCheckEventException>(error.InnerException).Message);
    }

    [Theory]
    [InlineData("""{"Type":"Notification","MessageId":"n-1","TopicArn":"not-an-arn","Message":"\"inner\""}""")]
    [InlineData("""{"Type":"SubscriptionConfirmation","MessageId":"n-1","TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"\"inner\""}""")]
    [InlineData("""{"Type":"Notification","MessageId":"n-1","TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":5}""")]
    [InlineData("""{"Type":"Notification","MessageId":"n-1","TopicArn":"arn:aws:sns:us-east-1:123456789012:t"}""")]
    [InlineData("""["Notification","TopicArn"]""")]
    public async Task A_body_that_only_resembles_an_SNS_envelope_is_the_message_itself(string body)
    {
        (string delivered, string? topicArn) = await _bench.DeliverOneSqsBodyAsync(body, unwrapSnsNotifications: true);

        Assert.Equal(JsonNode.Parse(body)!.ToJsonString(), JsonNode.Parse(delivered)!.ToJsonString());
        Assert.Null(topicArn);
    }

    // A slow event stream suspends at the first await (reading the event); a ready one at running the records. After
    // the first await that really suspends, the context is gone, so each await on the caller's side needs its own case.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_SQS_batch_never_resumes_on_the_callers_context(bool slowEvent)
    {
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("m1", "\"one\""), SqsRecord("m2", "\"two\"")) };
        byte[] json = Encoding.UTF8.GetBytes(batch.ToJsonString());
        Stream? response = null;

        int posts = await CountingSynchronizationContext.PostsDuringAsync(async () =>
            response = await _bench.Runtime.ProcessSqsBatchAsync(EventStream(json, slowEvent), AttackerHarness.StringType, false, SlowHandle, null, CancellationToken.None).ConfigureAwait(false));

        Assert.Equal(0, posts);
        Assert.Equal(["one", "two"], _bench.Handled.Order());
        await response!.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_SNS_invocation_never_resumes_on_the_callers_context(bool slowEvent)
    {
        var batch = new JsonObject { ["Records"] = new JsonArray(SnsRecord("sns-1", "\"one\"")) };
        byte[] json = Encoding.UTF8.GetBytes(batch.ToJsonString());

        int posts = await CountingSynchronizationContext.PostsDuringAsync(async () =>
            await _bench.Runtime.ProcessSnsEventAsync(EventStream(json, slowEvent), AttackerHarness.StringType, false, SlowHandle, null, CancellationToken.None).ConfigureAwait(false));

        Assert.Equal(0, posts);
        Assert.Equal(["one"], _bench.Handled);
    }

    private static Stream EventStream(byte[] json, bool slow) => slow ? new SlowReadStream(json) : new MemoryStream(json);

    private static MemoryStream Utf8(string json) => new(Encoding.UTF8.GetBytes(json));

    private async ValueTask SlowHandle(string? message, QueueMessageContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        _bench.Handled.Enqueue(message!);
    }
}
