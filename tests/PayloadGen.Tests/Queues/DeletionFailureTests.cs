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
/// Deleting a processed record's object is clean-up, not processing: when it fails, the record still counts as
/// done (failing it would process it twice), the failure is reported to the observer, and the object stays for the
/// lifecycle rule. A failure that is not a store failure (a bug) is not swallowed.
/// </summary>
public sealed class DeletionFailureTests : IDisposable
{
    private static readonly byte[] Payload = "\"offloaded\""u8.ToArray();

    private readonly TemporaryDirectory _directory = new();
    private readonly ConcurrentQueue<string> _handled = new();
    private readonly ConcurrentQueue<Exception> _reported = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_store_failure_while_deleting_keeps_the_record_succeeded_and_is_reported()
    {
        var store = new FailingDeleteStore(new FilePayloadStore(_directory.Path), new PayloadStoreException("delete", "local", "k", "access denied.", null));

        string[] failed = await ProcessAsync(store);

        Assert.Empty(failed);
        Assert.Equal(["offloaded", "inline"], _handled);
        Assert.IsType<PayloadStoreException>(Assert.Single(_reported));
        Assert.Equal(1, store.DeleteAttempts);
        Assert.True(File.Exists(ObjectPath), "the object stays for the lifecycle rule");
    }

    [Fact]
    public async Task An_IO_failure_while_deleting_keeps_the_record_succeeded_and_is_reported()
    {
        var store = new FailingDeleteStore(new FilePayloadStore(_directory.Path), new IOException("disk gone"));

        string[] failed = await ProcessAsync(store);

        Assert.Empty(failed);
        Assert.IsType<IOException>(Assert.Single(_reported));
    }

    [Fact]
    public async Task A_bug_while_deleting_fails_the_record_instead_of_being_swallowed()
    {
        var store = new FailingDeleteStore(new FilePayloadStore(_directory.Path), new InvalidOperationException("bug"));

        string[] failed = await ProcessAsync(store);

        Assert.Equal(["offloaded-1"], failed);
        Assert.IsType<InvalidOperationException>(Assert.Single(_reported));
    }

    private const string Key = AttackerHarness.Prefix + "offloaded.json";

    private string ObjectPath => Path.Combine(_directory.Path, AttackerHarness.Bucket, Key);

    private async Task<string[]> ProcessAsync(FailingDeleteStore store)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ObjectPath)!);
        await File.WriteAllBytesAsync(ObjectPath, Payload);
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Observer = new Recorder(_reported) }, store);
        string pointer = AttackerHarness.PointerJson(AttackerHarness.Bucket, Key, Payload.Length, Sha256Hex.Of(Payload));
        var batch = new JsonObject { ["Records"] = new JsonArray(Sqs("offloaded-1", pointer), Sqs("inline-1", "\"inline\"")) };

        await using Stream response = await runtime.ProcessSqsBatchAsync(
            EventFixtures.Stream(batch), AttackerHarness.StringType, false, Handle, new ClaimCheckBatchOptions { DeletePayloadAfterProcessing = true }, CancellationToken.None);
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

    private sealed class FailingDeleteStore(FilePayloadStore inner, Exception failure) : IPayloadStore
    {
        public int DeleteAttempts { get; private set; }

        public string Bucket => inner.Bucket;

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => inner.WriteAsync(write, cancellationToken);

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => inner.OpenReadAsync(pointer, maxBytes, cancellationToken);

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken)
        {
            DeleteAttempts++;
            return Task.FromException(failure);
        }
    }

    private sealed class Recorder(ConcurrentQueue<Exception> reported) : IClaimCheckObserver
    {
        public void OnPayload(ClaimCheckEvent payloadEvent)
        {
        }

        public void OnRecordFailed(QueueMessageContext message, Exception exception) => reported.Enqueue(exception);
    }
}
