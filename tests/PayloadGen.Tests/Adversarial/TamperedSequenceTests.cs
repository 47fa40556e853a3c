using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// A stored <c>IAsyncEnumerable&lt;T&gt;</c> request tampered so that it fails for another reason first — an item turned
/// into <c>null</c>, an item turned into JSON that does not parse — is reported as tampered
/// (<see cref="PayloadIntegrityException"/>), not by what the tampering produced: the rest of the object is read and
/// checked before any other verdict, so the operator looks at the right cause.
/// </summary>
public sealed class TamperedSequenceTests : IDisposable
{
    private static readonly JsonTypeInfo<ReportRow> s_row = ClaimCheckJson.GetTypeInfo<ReportRow>();
    private static readonly byte[] Original = """[{"Number":0},{"Number":1},{"Number":2}]"""u8.ToArray();

    private readonly AttackerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("""[{"Number":0},null        ,{"Number":2}]""")]
    [InlineData("""[{"Number":0},{"Number":1}}{"Number":2}]""")]
    [InlineData("""[{"Number":0},{"Text":123},{"Number":2}]""")]
    public async Task A_swapped_object_that_breaks_an_item_is_reported_as_tampered(string swapped)
    {
        byte[] stored = Encoding.UTF8.GetBytes(swapped);
        Assert.Equal(Original.Length, stored.Length);
        _h.Plant(AttackerHarness.Prefix + "rows.json", stored);
        byte[] pointer = Encoding.UTF8.GetBytes(AttackerHarness.PointerJson(AttackerHarness.Bucket, AttackerHarness.Prefix + "rows.json", Original.Length, Sha256Hex.Of(Original)));
        var numbers = new List<int>();

        await using HydratedSequence<ReportRow> request = await _h.Runtime.HydrateSequenceAsync(new MemoryStream(pointer), s_row, allowBarePointer: false, CancellationToken.None);
        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(async () =>
        {
            await foreach (ReportRow row in request)
            {
                numbers.Add(row.Number);
            }
        });

        Assert.Contains("SHA-256 differs", error.Message, StringComparison.Ordinal);
        // Whatever the deserializer had buffered before the broken item may have come through; nothing after it did.
        Assert.InRange(numbers.Count, 0, 1);
        Assert.All(numbers, number => Assert.Equal(0, number));
    }
}
