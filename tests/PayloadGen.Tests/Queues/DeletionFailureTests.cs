using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Adversarial;
using Xunit;
using static PayloadGen.Tests.Queues.StringQueueBench;

namespace PayloadGen.Tests.Queues;

/// <summary>
/// Deleting a processed record's object is clean-up, not processing: when it fails, the record still counts as
/// done (failing it would process it twice), the failure is reported to the observer, and the object stays for the
/// lifecycle rule. A failure that is not a store failure (a bug) is not swallowed.
/// </summary>
public sealed class DeletionFailureTests : IDisposable
{
    private static readonly byte[] Payload = "\"offloaded\""u8.ToArray();

    private readonly StringQueueBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task A_store_failure_while_deleting_keeps_the_record_succeeded_and_is_reported()
    {
        var store = new FailingDeleteStore(_bench.Files, new PayloadStoreException("delete", "local", "k", "access denied.", null));

        string[] failed = await ProcessAsync(store);

        Assert.Empty(failed);
        Assert.Equal(["offloaded", "inline"], _bench.Handled);
        Assert.IsType<PayloadStoreException>(Assert.Single(_bench.Reported));
        Assert.Equal(1, store.DeleteAttempts);
        Assert.True(File.Exists(ObjectPath), "the object stays for the lifecycle rule");
    }

    [Fact]
    public async Task An_IO_failure_while_deleting_keeps_the_record_succeeded_and_is_reported()
    {
        var store = new FailingDeleteStore(_bench.Files, new IOException("disk gone"));

        string[] failed = await ProcessAsync(store);

        Assert.Empty(failed);
        Assert.IsType<IOException>(Assert.Single(_bench.Reported));
    }

    [Fact]
    public async Task A_bug_while_deleting_fails_the_record_instead_of_being_swallowed()
    {
        var store = new FailingDeleteStore(_bench.Files, new InvalidOperationException("bug"));

        string[] failed = await ProcessAsync(store);

        Assert.Equal(["offloaded-1"], failed);
        Assert.IsType<InvalidOperationException>(Assert.Single(_bench.Reported));
    }

    private const string Key = AttackerHarness.Prefix + "offloaded.json";

    private string ObjectPath => Path.Combine(_bench.Folder, AttackerHarness.Bucket, Key);

    private async Task<string[]> ProcessAsync(FailingDeleteStore store)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ObjectPath)!);
        await File.WriteAllBytesAsync(ObjectPath, Payload);
        string pointer = AttackerHarness.PointerJson(AttackerHarness.Bucket, Key, Payload.Length, Sha256Hex.Of(Payload));
        var batch = new JsonObject { ["Records"] = new JsonArray(SqsRecord("offloaded-1", pointer), SqsRecord("inline-1", "\"inline\"")) };

        return await _bench.ProcessSqsAsync(batch, options: new ClaimCheckBatchOptions { DeletePayloadAfterProcessing = true }, runtime: _bench.RuntimeOver(store));
    }

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
}
