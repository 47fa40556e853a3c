using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Messaging;

/// <summary>The SQS sender against the SDK interface, with offloaded bodies stored in a real S3 server.</summary>
[Collection(S3rverTests.Name)]
public sealed class ClaimCheckSqsSenderTests : IDisposable
{
    private const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";
    private const int OneMebibyte = 1024 * 1024;

    private readonly AmazonS3Client _s3;
    private readonly RecordingS3 _s3Calls;
    private readonly IAmazonSQS _sqs;
    private readonly FakeSqs _fakeSqs;
    private readonly ClaimCheckSqsSender _sender;

    public ClaimCheckSqsSenderTests(S3rverFixture s3rver)
    {
        _s3 = s3rver.CreateClient();
        (IAmazonS3 recording, _s3Calls) = RecordingS3.Wrap(_s3);
        var runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false }, recording);
        (_sqs, _fakeSqs) = FakeSqs.Create();
        _sender = new ClaimCheckSqsSender(_sqs, new ClaimCheckMessageOffloader(runtime));
    }

    public void Dispose() => _s3.Dispose();

    [Fact]
    public async Task Small_message_is_sent_as_it_was_without_any_S3_call()
    {
        SendMessageRequest request = Request("{\"id\":1}", ("Trace", "abc"));
        request.MessageGroupId = "group-1";
        request.MessageDeduplicationId = "dedup-1";
        request.DelaySeconds = 5;

        await _sender.SendMessageAsync(request);

        SendMessageRequest sent = Assert.Single(_fakeSqs.Sent);
        Assert.Equal((QueueUrl, "{\"id\":1}", "group-1", "dedup-1", 5), (sent.QueueUrl, sent.MessageBody, sent.MessageGroupId, sent.MessageDeduplicationId, sent.DelaySeconds));
        Assert.Equal(["Trace"], sent.MessageAttributes.Keys);
        Assert.Empty(_s3Calls.Calls);
    }

    [Fact]
    public async Task Message_over_1_MiB_is_sent_as_a_Java_pointer_to_its_exact_bytes_in_S3()
    {
        string body = Body(OneMebibyte + 1, 'a');
        SendMessageRequest request = Request(body, ("Trace", "abc"));

        await _sender.SendMessageAsync(request);

        SendMessageRequest sent = Assert.Single(_fakeSqs.Sent);
        Assert.StartsWith("[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3BucketName\":\"payloads\",\"s3Key\":\"payloadgen/", sent.MessageBody, StringComparison.Ordinal);
        Assert.Equal(["ExtendedPayloadSize", "PayloadGenSha256", "Trace"], sent.MessageAttributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Number", (OneMebibyte + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), (sent.MessageAttributes["ExtendedPayloadSize"].DataType, sent.MessageAttributes["ExtendedPayloadSize"].StringValue));
        Assert.Equal(Encoding.UTF8.GetBytes(body), await DownloadAsync(sent.MessageBody));

        // The caller's request is untouched, so it can be logged or retried as it was.
        Assert.Same(body, request.MessageBody);
        Assert.Single(request.MessageAttributes);
    }

    [Fact]
    public async Task Typed_message_is_sent_as_its_JSON_or_as_a_pointer_to_exactly_that_JSON()
    {
        Report small = TestPayloads.Report(1_000);
        Report large = TestPayloads.Report(1_500_000, seed: 3);

        await _sender.SendMessageAsync(QueueUrl, small, TestPayloads.ReportType);
        await _sender.SendMessageAsync(QueueUrl, large, TestPayloads.ReportType);

        Assert.Equal(TestPayloads.Utf8(small), Encoding.UTF8.GetBytes(_fakeSqs.Sent[0].MessageBody));
        Assert.Null(_fakeSqs.Sent[0].MessageAttributes);
        Assert.Equal(TestPayloads.Utf8(large), await DownloadAsync(_fakeSqs.Sent[1].MessageBody));
        Assert.Equal(["ExtendedPayloadSize", "PayloadGenSha256"], _fakeSqs.Sent[1].MessageAttributes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Attributes_tip_a_message_of_exactly_1_MiB_over_the_limit()
    {
        await _sender.SendMessageAsync(Request(Body(OneMebibyte, 'b')));
        await _sender.SendMessageAsync(Request(Body(OneMebibyte - 9, 'c'), ("A", "bc"))); // 1 + 6 + 2 = 9 bytes: exactly 1 MiB
        await _sender.SendMessageAsync(Request(Body(OneMebibyte - 8, 'd'), ("A", "bc"))); // one byte over

        Assert.Equal([false, false, true], _fakeSqs.Sent.Select(sent => sent.MessageAttributes?.ContainsKey("ExtendedPayloadSize") == true));
    }

    [Fact]
    public async Task Batch_of_25_is_sent_as_requests_of_10_10_and_5_keeping_every_id_in_order()
    {
        List<SendMessageBatchRequestEntry> entries = Enumerable.Range(0, 25).Select(i => Entry($"m{i}", $"{{\"n\":{i}}}")).ToList();

        SendMessageBatchResponse response = await _sender.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = entries });

        Assert.Equal([10, 10, 5], _fakeSqs.Batches.Select(batch => batch.Entries.Count));
        Assert.All(_fakeSqs.Batches, batch => Assert.Equal(QueueUrl, batch.QueueUrl));
        Assert.Equal(entries.Select(entry => entry.Id), _fakeSqs.BatchEntries.Select(entry => entry.Id));
        Assert.Equal(entries.Select(entry => entry.MessageBody), _fakeSqs.BatchEntries.Select(entry => entry.MessageBody));
        Assert.Equal(entries.Select(entry => entry.Id), response.Successful.Select(result => result.Id));
        Assert.Empty(response.Failed);
        Assert.Empty(_s3Calls.Calls);
    }

    [Fact]
    public async Task Batch_over_1_MiB_in_total_offloads_its_largest_entries_until_it_fits()
    {
        // Ten entries of 150 to 240 KB: 1.9 MB together, each far under the limit on its own.
        List<SendMessageBatchRequestEntry> entries = Enumerable.Range(0, 10)
            .Select(i => Entry($"e{i}", Body((150 + (i * 7 % 10 * 10)) * 1024, (char)('a' + i)), ("Kind", "order")))
            .ToList();
        List<string> largestFirst = entries.OrderByDescending(entry => entry.MessageBody.Length).Select(entry => entry.Id).ToList();

        SendMessageBatchResponse response = await _sender.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = entries });

        SendMessageBatchRequest sent = Assert.Single(_fakeSqs.Batches);
        Assert.Equal(entries.Select(entry => entry.Id), sent.Entries.Select(entry => entry.Id));
        long total = sent.Entries.Sum(entry => ClaimCheckMessageOffloader.MeasureBytes(entry.MessageBody, Outgoing(entry.MessageAttributes)));
        Assert.InRange(total, 1, OneMebibyte);

        var offloaded = sent.Entries.Where(entry => entry.MessageAttributes.ContainsKey("ExtendedPayloadSize")).Select(entry => entry.Id).ToHashSet();
        Assert.Equal(largestFirst.Take(offloaded.Count).ToHashSet(), offloaded);
        Assert.InRange(offloaded.Count, 4, 6);
        foreach (SendMessageBatchRequestEntry entry in sent.Entries)
        {
            SendMessageBatchRequestEntry original = entries.Single(candidate => candidate.Id == entry.Id);
            if (offloaded.Contains(entry.Id))
            {
                Assert.Equal(Encoding.UTF8.GetBytes(original.MessageBody), await DownloadAsync(entry.MessageBody));
                Assert.Equal("order", entry.MessageAttributes["Kind"].StringValue);
            }
            else
            {
                Assert.Same(original.MessageBody, entry.MessageBody);
            }
        }

        Assert.Equal(10, response.Successful.Count);
    }

    [Fact]
    public async Task Batch_entry_too_large_on_its_own_is_offloaded_and_the_rest_stay_inline()
    {
        string large = Body(OneMebibyte + 100, 'z');
        List<SendMessageBatchRequestEntry> entries = [Entry("small-1", "{}"), Entry("large", large), Entry("small-2", "[]")];

        await _sender.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = entries });

        List<SendMessageBatchRequestEntry> sent = Assert.Single(_fakeSqs.Batches).Entries;
        Assert.Equal(["small-1", "large", "small-2"], sent.Select(entry => entry.Id));
        Assert.Equal(["{}", "[]"], new[] { sent[0].MessageBody, sent[2].MessageBody });
        Assert.Equal(Encoding.UTF8.GetBytes(large), await DownloadAsync(sent[1].MessageBody));
        Assert.Single(_s3Calls.Methods, "PutObjectAsync");
    }

    [Fact]
    public async Task Batch_whose_attributes_alone_exceed_1_MiB_is_split_instead_of_offloading_small_bodies()
    {
        // Ten 200-byte bodies, each with 120 KB of attributes: offloading a body would save nothing.
        List<SendMessageBatchRequestEntry> entries = Enumerable.Range(0, 10).Select(i => Entry($"a{i}", Body(200, 'k'), ("Blob", new string('v', 120 * 1024)))).ToList();

        SendMessageBatchResponse response = await _sender.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = entries });

        Assert.Equal([8, 2], _fakeSqs.Batches.Select(batch => batch.Entries.Count));
        Assert.All(_fakeSqs.Batches, batch => Assert.InRange(batch.Entries.Sum(entry => ClaimCheckMessageOffloader.MeasureBytes(entry.MessageBody, Outgoing(entry.MessageAttributes))), 1, OneMebibyte));
        Assert.Equal(entries.Select(entry => entry.Id), _fakeSqs.BatchEntries.Select(entry => entry.Id));
        Assert.Equal(entries.Select(entry => entry.MessageBody), _fakeSqs.BatchEntries.Select(entry => entry.MessageBody));
        Assert.Equal(10, response.Successful.Count);
        Assert.Empty(_s3Calls.Calls);
    }

    [Fact]
    public async Task Failures_from_every_request_of_a_split_batch_are_reported_by_id()
    {
        _fakeSqs.FailingIds.UnionWith(["m3", "m14"]);
        List<SendMessageBatchRequestEntry> entries = Enumerable.Range(0, 15).Select(i => Entry($"m{i}", "{}")).ToList();

        SendMessageBatchResponse response = await _sender.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = entries });

        Assert.Equal(["m3", "m14"], response.Failed.Select(failure => failure.Id));
        Assert.Equal(13, response.Successful.Count);
    }

    [Fact]
    public async Task Batch_with_repeated_ids_is_refused_before_anything_is_sent_or_stored()
    {
        List<SendMessageBatchRequestEntry> entries = Enumerable.Range(0, 12).Select(i => Entry($"m{i % 11}", Body(OneMebibyte + 1, 'q'))).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => _sender.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = entries }));

        Assert.Empty(_fakeSqs.Batches);
        Assert.Empty(_s3Calls.Calls);
    }

    [Fact]
    public async Task Large_message_with_ten_attributes_is_refused_without_storing_or_sending()
    {
        SendMessageRequest request = Request(Body(OneMebibyte + 1, 'r'), Enumerable.Range(0, 10).Select(i => ($"A{i}", "v")).ToArray());

        await Assert.ThrowsAsync<TooManyMessageAttributesException>(() => _sender.SendMessageAsync(request));

        Assert.Empty(_fakeSqs.Sent);
        Assert.Empty(_s3Calls.Calls);
    }

    private static SendMessageRequest Request(string body, params (string Name, string Value)[] attributes) => new()
    {
        QueueUrl = QueueUrl,
        MessageBody = body,
        MessageAttributes = attributes.Length == 0 ? null : attributes.ToDictionary(a => a.Name, a => new MessageAttributeValue { DataType = "String", StringValue = a.Value }),
    };

    private static SendMessageBatchRequestEntry Entry(string id, string body, params (string Name, string Value)[] attributes) => new()
    {
        Id = id,
        MessageBody = body,
        MessageAttributes = attributes.Length == 0 ? null : attributes.ToDictionary(a => a.Name, a => new MessageAttributeValue { DataType = "String", StringValue = a.Value }),
    };

    private static Dictionary<string, OutgoingAttributeValue>? Outgoing(Dictionary<string, MessageAttributeValue>? attributes)
        => attributes?.ToDictionary(a => a.Key, a => OutgoingAttributeValue.Create(a.Value.DataType, a.Value.StringValue, null));

    /// <summary>A JSON body of exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Body(int bytes, char fill) => "\"" + new string(fill, bytes - 2) + "\"";

    private async Task<byte[]> DownloadAsync(string pointerBody)
    {
        Assert.True(PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(pointerBody), allowBareShape: false, out PayloadPointer? pointer));
        using GetObjectResponse response = await _s3.GetObjectAsync(pointer!.Bucket, pointer.Key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
