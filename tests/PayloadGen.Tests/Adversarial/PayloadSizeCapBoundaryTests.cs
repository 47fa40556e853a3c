using System;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// PAYLOADGEN_MAX_PAYLOAD_BYTES is the largest payload accepted, not the first one refused: a pointer announcing
/// exactly the cap is followed, one byte more is refused from the pointer alone, before the store.
/// </summary>
public sealed class PayloadSizeCapBoundaryTests
{
    private static readonly byte[] Payload = "\"exactly the cap\""u8.ToArray();
    private static readonly string PointerJson = AttackerHarness.PointerJson(
        AttackerHarness.Bucket, AttackerHarness.Prefix + "cap.json", Payload.Length, Sha256Hex.Of(Payload));

    [Fact]
    public async Task A_payload_of_exactly_the_maximum_size_is_hydrated()
    {
        using var h = new AttackerHarness(maxPayloadBytes: Payload.Length);
        h.Plant(AttackerHarness.Prefix + "cap.json", Payload);

        Assert.Equal("exactly the cap", await h.HydrateAsync(PointerJson));
        Assert.Equal(1, h.Store.Opens);
    }

    [Fact]
    public async Task A_payload_one_byte_over_the_maximum_is_refused_before_the_store()
    {
        using var h = new AttackerHarness(maxPayloadBytes: Payload.Length - 1);
        h.Plant(AttackerHarness.Prefix + "cap.json", Payload);

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => h.HydrateAsync(PointerJson).AsTask());

        Assert.Equal(Payload.Length, error.Size);
        Assert.Equal(0, h.Store.Opens);
    }
}
