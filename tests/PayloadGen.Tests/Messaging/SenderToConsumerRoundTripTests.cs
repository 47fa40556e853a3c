using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Messaging;

/// <summary>
/// What the sender writes, delivered as Lambda would deliver it, read by PayloadGen's SQS batch loop against s3rver:
/// the object that arrives is the object that was sent, and the SHA-256 attribute catches what the Java pointer alone
/// cannot.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class SenderToConsumerRoundTripTests : IDisposable
{
    private readonly S3rverFixture _s3rver;
    private readonly AmazonS3Client _s3;
    private readonly ClaimCheckRuntime _runtime;
    private readonly IAmazonSQS _sqs;
    private readonly FakeSqs _fakeSqs;
    private readonly ClaimCheckSqsSender _sender;
    private readonly ConcurrentDictionary<string, Report?> _received = new();

    public SenderToConsumerRoundTripTests(S3rverFixture s3rver)
    {
        _s3rver = s3rver;
        _s3 = s3rver.CreateClient();
        _runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false }, _s3);
        (_sqs, _fakeSqs) = FakeSqs.Create();
        _sender = new ClaimCheckSqsSender(_sqs, new ClaimCheckMessageOffloader(_runtime));
    }

    public void Dispose() => _s3.Dispose();

    [Fact]
    public async Task Batch_sent_by_PayloadGen_is_hydrated_by_the_SQS_batch_loop_object_for_object()
    {
        Report[] reports = [TestPayloads.Report(2_000, seed: 1), TestPayloads.Report(1_600_000, seed: 2), TestPayloads.Report(400_000, seed: 3), TestPayloads.Report(700_000, seed: 4)];
        var entries = reports.Select((report, i) => new SendMessageBatchRequestEntry
        {
            Id = $"r{i}",
            MessageBody = JsonSerializer.Serialize(report, TestPayloads.ReportType),
            MessageAttributes = Enumerable.Range(0, i == 3 ? 9 : 1).ToDictionary(n => $"Tag{n}", n => new MessageAttributeValue { DataType = "String", StringValue = $"t{n}" }),
        }).ToList();

        await _sender.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/orders", Entries = entries });
        string[] failures = await ProcessAsync(DeliveredAsLambdaWould(_fakeSqs.BatchEntries));

        Assert.Empty(failures);
        // r1 is too large on its own; r3, the largest left, tips the request over 1 MiB and goes with only the size
        // flag (its nine attributes leave no room for the hash).
        Assert.Equal(["r1", "r3"], _fakeSqs.BatchEntries.Where(entry => entry.MessageAttributes.ContainsKey(MessageAttributeNames.ExtendedPayloadSize)).Select(entry => entry.Id));
        Assert.False(_fakeSqs.BatchEntries.Single(entry => entry.Id == "r3").MessageAttributes.ContainsKey(MessageAttributeNames.PayloadSha256));
        for (int i = 0; i < reports.Length; i++)
        {
            Assert.Equal(TestPayloads.Utf8(reports[i]), TestPayloads.Utf8(_received[$"msg-r{i}"]!));
        }
    }

    [Fact]
    public async Task Same_length_change_to_an_offloaded_body_fails_only_that_record_through_the_hash_attribute()
    {
        Report report = TestPayloads.Report(1_200_000, seed: 9);
        await _sender.SendMessageBatchAsync(new SendMessageBatchRequest
        {
            QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
            Entries =
            [
                new SendMessageBatchRequestEntry { Id = "small", MessageBody = JsonSerializer.Serialize(TestPayloads.Report(500), TestPayloads.ReportType) },
                new SendMessageBatchRequestEntry { Id = "large", MessageBody = JsonSerializer.Serialize(report, TestPayloads.ReportType) },
            ],
        });
        SendMessageBatchRequestEntry large = _fakeSqs.BatchEntries.Single(entry => entry.Id == "large");
        Assert.True(PayloadPointerReader.TryRead(System.Text.Encoding.UTF8.GetBytes(large.MessageBody), allowBareShape: false, out PayloadPointer? pointer));
        string file = _s3rver.ObjectFile(pointer!.Bucket, pointer.Key);
        byte[] bytes = await File.ReadAllBytesAsync(file);
        bytes[Array.IndexOf(bytes, (byte)'1')] = (byte)'2'; // same length, still valid JSON: only the hash can tell
        await File.WriteAllBytesAsync(file, bytes);

        string[] failures = await ProcessAsync(DeliveredAsLambdaWould(_fakeSqs.BatchEntries));

        Assert.Equal(["msg-large"], failures);
        Assert.Equal(["msg-small"], _received.Keys);
    }

    /// <summary>The SQS event Lambda would deliver for the entries that were sent (message id <c>msg-</c> + the entry's id).</summary>
    private static MemoryStream DeliveredAsLambdaWould(IEnumerable<SendMessageBatchRequestEntry> sent)
        => new(Encoding.UTF8.GetBytes(SqsEvents.Json(sent.Select(entry => new SqsEventRecord($"msg-{entry.Id}", entry.MessageBody)
        {
            Attributes = (entry.MessageAttributes ?? []).ToDictionary(pair => pair.Key, pair => new SqsAttribute(pair.Value.DataType, pair.Value.StringValue)),
        }))));

    private async Task<string[]> ProcessAsync(Stream sqsEvent)
    {
        await using Stream response = await _runtime.ProcessSqsBatchAsync(
            sqsEvent,
            TestPayloads.ReportType,
            allowBarePointer: false,
            (report, context, _) =>
            {
                _received[context.MessageId] = report;
                return ValueTask.CompletedTask;
            },
            options: null,
            CancellationToken.None);
        using JsonDocument document = await JsonDocument.ParseAsync(response);
        return document.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(failure => failure.GetProperty("itemIdentifier").GetString()!).ToArray();
    }
}
