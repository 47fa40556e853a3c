using System;
using System.Collections.Generic;
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
/// An <c>IAsyncEnumerable&lt;T&gt;</c> request streams item by item, but System.Text.Json holds each item — and any string
/// or number token in it — whole. One item as large as the payload cap (a "1 GB line") would undo the streaming, so
/// the JSON read for one item is capped (<see cref="ClaimCheckOptions.MaxItemBytes"/>): the enumeration fails while the
/// item is being read, after the items before it.
/// </summary>
public sealed class OversizedItemTests : IDisposable
{
    private const int Cap = 256 * 1024;
    private static readonly JsonTypeInfo<ReportRow> s_row = ClaimCheckJson.GetTypeInfo<ReportRow>();

    private readonly AttackerHarness _h = new();
    private readonly ClaimCheckRuntime _runtime;

    public OversizedItemTests() => _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { MaxItemBytes = Cap }, _h.Store);

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_item_over_the_cap_fails_the_enumeration_while_it_is_read_after_the_items_before_it(bool stored)
    {
        byte[] json = Rows(("row", 3), (new string('x', 4 * 1024 * 1024), 1), ("row", 1));
        var numbers = new List<int>();

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => EnumerateAsync(json, stored, numbers));

        Assert.Equal([0, 1, 2], numbers);
        Assert.Equal(Cap, error.MaxBytes);
        Assert.InRange(error.Size, Cap + 1, 2 * Cap);
        Assert.StartsWith($"Item 3 of the IAsyncEnumerable<ReportRow> request ({(stored ? "payload object 'payloadgen/rows.json'" : "inline payload")}) takes more than 262,144 bytes of JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("Raise PAYLOADGEN_MAX_ITEM_BYTES (ClaimCheckOptions.MaxItemBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_under_the_cap_stream_however_long_the_array_is()
    {
        // 40 items of 100 KiB: 4 MB in all, sixteen times the per-item cap.
        byte[] json = Rows((new string('y', 100 * 1024), 40));
        var numbers = new List<int>();

        await EnumerateAsync(json, stored: true, numbers);

        Assert.Equal(Enumerable.Range(0, 40), numbers);
    }

    [Fact]
    public async Task A_tampered_object_whose_item_outgrew_the_cap_is_reported_as_tampered()
    {
        byte[] json = Rows(("row", 1), (new string('x', 1024 * 1024), 1));
        string path = _h.Plant(AttackerHarness.Prefix + "rows.json", json);
        byte[] pointer = PointerTo(json);
        json[json.Length - 10] = (byte)'z'; // inside the large string: same length, valid JSON
        File.WriteAllBytes(path, json);

        await using HydratedSequence<ReportRow> request = await _runtime.HydrateSequenceAsync(new MemoryStream(pointer), s_row, allowBarePointer: true, CancellationToken.None);
        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(async () =>
        {
            await foreach (ReportRow row in request)
            {
            }
        });

        Assert.Contains("SHA-256 differs", error.Message, StringComparison.Ordinal);
    }

    private async Task EnumerateAsync(byte[] json, bool stored, List<int> numbers)
    {
        byte[] payload = json;
        if (stored)
        {
            _h.Plant(AttackerHarness.Prefix + "rows.json", json);
            payload = PointerTo(json);
        }

        await using HydratedSequence<ReportRow> request = await _runtime.HydrateSequenceAsync(new MemoryStream(payload), s_row, allowBarePointer: true, CancellationToken.None);
        await foreach (ReportRow row in request)
        {
            numbers.Add(row.Number);
        }
    }

    private static byte[] PointerTo(byte[] json)
        => Encoding.UTF8.GetBytes(AttackerHarness.PointerJson(AttackerHarness.Bucket, AttackerHarness.Prefix + "rows.json", json.Length, Sha256Hex.Of(json)));

    private static byte[] Rows(params (string Text, int Count)[] runs)
    {
        var rows = new List<string>();
        foreach ((string text, int count) in runs)
        {
            for (int i = 0; i < count; i++)
            {
                rows.Add($"{{\"Number\":{rows.Count},\"Text\":\"{text}\"}}");
            }
        }

        return Encoding.UTF8.GetBytes("[" + string.Join(",", rows) + "]");
    }
}
