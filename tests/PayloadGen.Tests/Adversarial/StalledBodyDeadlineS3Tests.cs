using System;
using System.Collections.Generic;
using System.Diagnostics;
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
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Http;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// A store (or a network path, or a sender-chosen object on a slow endpoint) that sends the headers and half the
/// body, then nothing — no bytes, no error, no end. Hydration must give up at the invocation's deadline, never hang
/// until Lambda kills the function; a queue batch must still answer, reporting the stalled record and every record
/// it did not reach, and keep their objects.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class StalledBodyDeadlineS3Tests : IDisposable
{
    private static readonly TimeSpan Remaining = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    // Generous for a loaded 2-core machine; a hang shows as the 60-second guard instead.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(8);

    private static readonly JsonTypeInfo<List<ReportRow>> s_rows = ClaimCheckJson.GetTypeInfo<List<ReportRow>>();
    private static readonly JsonTypeInfo<ReportRow> s_row = ClaimCheckJson.GetTypeInfo<ReportRow>();

    private readonly FaultInjectingHttpClientFactory _faults = new();
    private readonly AmazonS3Client _client;
    private readonly ClaimCheckRuntime _runtime;

    public StalledBodyDeadlineS3Tests(S3rverFixture s3)
    {
        _client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = _faults, MaxErrorRetry = 0 });
        var store = new S3PayloadStore(_client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false });
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, DeadlineMargin = Margin }, store);
    }

    public void Dispose()
    {
        HttpHandlers.ClaimCheckRuntime = null;
        _client.Dispose();
    }

    [Fact]
    public async Task A_stored_request_whose_body_stalls_is_abandoned_at_the_deadline()
    {
        byte[] pointer = await StoreStallingAsync("stall-object.json");
        using LambdaDeadline deadline = _runtime.StartDeadline(Remaining);
        var clock = Stopwatch.StartNew();

        Exception? error = await Record.ExceptionAsync(() =>
            _runtime.HydrateAsync(pointer, s_rows, allowBarePointer: false, deadline.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.InRange(clock.Elapsed, Remaining - Margin - TimeSpan.FromMilliseconds(100), Remaining - Margin + Slack);
    }

    [Fact]
    public async Task An_enumerable_request_whose_body_stalls_is_abandoned_at_the_deadline_after_the_items_that_arrived()
    {
        byte[] pointer = await StoreStallingAsync("stall-sequence.json");
        using LambdaDeadline deadline = _runtime.StartDeadline(Remaining);
        var clock = Stopwatch.StartNew();
        int items = 0;

        Exception? error = await Record.ExceptionAsync(async () =>
        {
            await using HydratedSequence<ReportRow> request = await _runtime.HydrateSequenceAsync(new MemoryStream(pointer), s_row, allowBarePointer: false, deadline.Token);
            await foreach (ReportRow row in request)
            {
                items++;
            }
        }).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.InRange(items, 1, RowCount - 1);
        Assert.InRange(clock.Elapsed, Remaining - Margin - TimeSpan.FromMilliseconds(100), Remaining - Margin + Slack);
    }

    [Fact]
    public async Task An_SQS_batch_with_a_stalled_record_answers_before_the_deadline_and_reports_it_and_the_rest()
    {
        byte[] pointer = await StoreStallingAsync("stall-record.json");
        var records = new JsonArray
        {
            SqsRecord("before", "[]"),
            SqsRecord("stalled", Encoding.UTF8.GetString(pointer)),
            SqsRecord("after", "[]"),
        };
        var handled = new List<string>();
        using LambdaDeadline deadline = _runtime.StartDeadline(Remaining);
        var clock = Stopwatch.StartNew();

        await using Stream response = await _runtime.ProcessSqsBatchAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = records }.ToJsonString())),
            s_rows,
            false,
            (_, context, _) =>
            {
                handled.Add(context.MessageId);
                return ValueTask.CompletedTask;
            },
            null,
            deadline.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(clock.Elapsed < Remaining + Slack, $"the batch answered after {clock.Elapsed}");
        using JsonDocument result = await JsonDocument.ParseAsync(response);
        Assert.Equal(["stalled", "after"], result.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(e => e.GetProperty("itemIdentifier").GetString()!));
        Assert.Equal(["before"], handled);
        _faults.Fault = S3Fault.None;
        GetObjectMetadataResponse kept = await _client.GetObjectMetadataAsync(S3rverFixture.Bucket, "payloadgen/stall/stall-record.json");
        Assert.Equal(Rows().Length, kept.ContentLength);
    }

    [Fact]
    public async Task An_HTTP_upload_whose_body_stalls_fails_the_invocation_at_the_deadline_without_running_the_handler()
    {
        byte[] pointer = await StoreStallingAsync("stall-upload.json", "payloadgen/uploads/");
        HttpHandlers.ClaimCheckRuntime = _runtime;
        var clock = Stopwatch.StartNew();

        Exception? error = await Record.ExceptionAsync(() =>
            HttpHandlers.DescribeUploadClaimCheck(HttpEvents.Event(HttpEvents.HttpApi, new Dictionary<string, string>(), Encoding.UTF8.GetString(pointer)), new TestLambdaContext(Remaining))
                .WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.InRange(clock.Elapsed, Remaining - Margin - TimeSpan.FromMilliseconds(100), Remaining - Margin + Slack);
    }

    private const int RowCount = 20_000;

    private static byte[] Rows()
        => Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, RowCount).Select(n => $"{{\"Number\":{n},\"Text\":\"row\"}}")) + "]");

    /// <summary>Stores an array and makes every later read of it stall half-way; returns its pointer.</summary>
    private async Task<byte[]> StoreStallingAsync(string name, string folder = "payloadgen/stall/")
    {
        string key = folder + name;
        byte[] json = Rows();
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = key, InputStream = new MemoryStream(json), UseChunkEncoding = false });
        _faults.TargetKey = name;
        _faults.Fault = S3Fault.StalledMidBody;
        return PayloadPointerWriter.ToUtf8(new PayloadPointer(S3rverFixture.Bucket, key) { Size = json.Length, Sha256 = Sha256Hex.Of(json) });
    }

    private static JsonObject SqsRecord(string id, string body)
        => new() { ["messageId"] = id, ["body"] = body, ["messageAttributes"] = new JsonObject(), ["eventSourceARN"] = "arn:aws:sqs:us-east-1:123456789012:orders" };
}
