using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// A stored <c>IAsyncEnumerable&lt;T&gt;</c> request whose store breaks off part-way (a file store's I/O error, any store
/// whose stream does not translate its own failures) is reported as every other payload's is: a
/// <see cref="PayloadStoreException"/> that names the object, with the cause escaped — a file system's message quotes
/// the path, and with it the sender's key.
/// </summary>
public sealed class BrokenStoredSequenceTests
{
    private const string HostileKey = "payloadgen/rows\u2028PayloadGen: all good.json";
    private static readonly JsonTypeInfo<ReportRow> s_row = ClaimCheckJson.GetTypeInfo<ReportRow>();

    [Fact]
    public async Task A_store_that_breaks_off_mid_array_is_a_store_error_naming_the_object_with_the_cause_escaped()
    {
        byte[] json = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 5000).Select(n => $"{{\"Number\":{n}}}")) + "]");
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = "local" }, new BreakingStore(json));
        byte[] pointer = PayloadPointerWriter.ToUtf8(new PayloadPointer("local", HostileKey) { Size = json.Length, Sha256 = Sha256Hex.Of(json) });
        int items = 0;

        await using HydratedSequence<ReportRow> request = await runtime.HydrateSequenceAsync(new MemoryStream(pointer), s_row, allowBarePointer: false, CancellationToken.None);
        var error = await Assert.ThrowsAsync<PayloadStoreException>(async () =>
        {
            await foreach (ReportRow row in request)
            {
                items++;
            }
        });

        Assert.InRange(items, 1, 4999);
        Assert.Equal("finish reading", error.Operation);
        Assert.Equal(HostileKey, error.Key);
        Assert.DoesNotContain("\u2028", error.Message, StringComparison.Ordinal);
        Assert.Contains("rows\\u2028PayloadGen: all good.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("the body broke off part-way (IOException: Input/output error : \\'/var/payloads/local/payloadgen/rows\\u2028", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task A_store_that_breaks_off_while_an_early_stop_reads_the_rest_is_a_store_error_too()
    {
        byte[] json = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 5000).Select(n => $"{{\"Number\":{n}}}")) + "]");
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = "local" }, new BreakingStore(json));
        byte[] pointer = PayloadPointerWriter.ToUtf8(new PayloadPointer("local", "payloadgen/rows.json") { Size = json.Length, Sha256 = Sha256Hex.Of(json) });

        await using HydratedSequence<ReportRow> request = await runtime.HydrateSequenceAsync(new MemoryStream(pointer), s_row, allowBarePointer: false, CancellationToken.None);
        var error = await Assert.ThrowsAsync<PayloadStoreException>(async () =>
        {
            await foreach (ReportRow row in request)
            {
                break;
            }
        });

        Assert.Equal("finish reading", error.Operation);
        Assert.IsType<IOException>(error.InnerException);
    }

    /// <summary>A store whose object breaks off half-way with an I/O error that quotes its path.</summary>
    private sealed class BreakingStore(byte[] content) : IPayloadStore
    {
        public string Bucket => "local";

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken)
            => Task.FromResult(new StoredPayload(new BreakingStream(content, $"/var/payloads/local/{pointer.Key}"), content.Length));
    }

    private sealed class BreakingStream(byte[] content, string path) : MemoryStream(content, 0, content.Length / 2)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new IOException($"Input/output error : '{path}'");
    }
}
