using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using PayloadGen.Tests.Adversarial;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>
/// The store's reported length is checked before a byte of the body is read: over the cap is refused, and a length
/// other than the pointer announced is tampering. Both name the object, so the operator knows which one.
/// </summary>
public sealed class StoredPayloadTests
{
    private const long Cap = 1_000;
    private static readonly PayloadPointer Sized = new("payloads", "payloadgen/a.json") { Size = 500, Sha256 = new string('a', 64) };

    [Fact]
    public void An_object_of_exactly_the_cap_and_the_announced_length_passes()
    {
        StoredPayload.CheckLength(Sized with { Size = Cap }, Cap, Cap);
        StoredPayload.CheckLength(Sized with { Size = null }, Cap, Cap);
    }

    [Fact]
    public void An_object_one_byte_over_the_cap_is_refused_naming_it_and_both_sizes()
    {
        var error = Assert.Throws<PayloadTooLargeException>(() => StoredPayload.CheckLength(Sized with { Size = null }, Cap + 1, Cap));

        Assert.Equal(Cap + 1, error.Size);
        Assert.Equal(Cap, error.MaxBytes);
        Assert.StartsWith($"The payload object 'payloadgen/a.json' in bucket 'payloads' is {(Cap + 1).ToString("N0", CultureInfo.CurrentCulture)} bytes, over the cap of {Cap.ToString("N0", CultureInfo.CurrentCulture)} bytes.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(499)]
    [InlineData(501)]
    public void A_length_other_than_the_pointer_announced_is_an_integrity_failure_naming_both(long stored)
    {
        var error = Assert.Throws<PayloadIntegrityException>(() => StoredPayload.CheckLength(Sized, stored, Cap));

        Assert.Equal("payloads", error.Bucket);
        Assert.Equal("payloadgen/a.json", error.Key);
        Assert.Contains($"the store holds {stored.ToString("N0", CultureInfo.CurrentCulture)} bytes where the pointer announced {500.ToString("N0", CultureInfo.CurrentCulture)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planted_object_longer_than_its_pointer_is_refused_when_opened()
    {
        byte[] content = "\"longer than announced\""u8.ToArray();
        using var h = new AttackerHarness();
        h.Plant(AttackerHarness.Prefix + "long.json", content);
        string pointer = AttackerHarness.PointerJson(AttackerHarness.Bucket, AttackerHarness.Prefix + "long.json", content.Length - 1, Sha256Hex.Of(content));

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(() => h.HydrateAsync(pointer).AsTask());

        Assert.Contains("where the pointer announced", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_handle_disposes_the_body_both_ways()
    {
        var body = new MemoryStream([1, 2, 3]);
        new StoredPayload(body, 3).Dispose();
        Assert.False(body.CanRead);

        var asyncBody = new MemoryStream([1, 2, 3]);
        await new StoredPayload(asyncBody, 3).DisposeAsync();
        Assert.False(asyncBody.CanRead);
    }
}
