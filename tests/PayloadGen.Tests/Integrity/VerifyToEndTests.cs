using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Adversarial;
using Xunit;

namespace PayloadGen.Tests.Integrity;

/// <summary>
/// The deserializer often stops before the end (the JSON broke, or it had what it needed); verification must still
/// read the rest and judge every byte, so a tampered object is reported as tampered, not as bad JSON.
/// </summary>
public sealed class VerifyToEndTests
{
    [Fact]
    public async Task A_stream_read_only_part_way_is_read_to_the_end_and_a_tampered_tail_is_reported()
    {
        byte[] original = Encoding.UTF8.GetBytes("\"" + new string('a', 1000) + "\"");
        byte[] tampered = (byte[])original.Clone();
        tampered[^2] = (byte)'b';
        var pointer = new PayloadPointer("b", "k") { Size = original.Length, Sha256 = Sha256Hex.Of(original) };
        await using var verifying = new VerifyingReadStream(new MemoryStream(tampered), pointer, tampered.Length);

        Assert.Equal(10, verifying.Read(new byte[10], 0, 10));

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(() => verifying.VerifyToEndAsync(CancellationToken.None).AsTask());
        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_never_read_is_verified_whole()
    {
        byte[] content = "\"payload\""u8.ToArray();
        var pointer = new PayloadPointer("b", "k") { Size = content.Length, Sha256 = Sha256Hex.Of("\"PAYLOAD\""u8.ToArray()) };
        await using var verifying = new VerifyingReadStream(new MemoryStream(content), pointer, content.Length);

        await Assert.ThrowsAsync<PayloadIntegrityException>(() => verifying.VerifyToEndAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task An_intact_stream_read_part_way_verifies_and_verifying_twice_is_harmless()
    {
        byte[] content = Encoding.UTF8.GetBytes("\"" + new string('z', 40_000) + "\"");
        var pointer = new PayloadPointer("b", "k") { Size = content.Length, Sha256 = Sha256Hex.Of(content) };
        await using var verifying = new VerifyingReadStream(new MemoryStream(content), pointer, content.Length);
        Assert.Equal(100, verifying.Read(new byte[100], 0, 100));

        await verifying.VerifyToEndAsync(CancellationToken.None);
        await verifying.VerifyToEndAsync(CancellationToken.None);

        Assert.Equal(content.Length, verifying.Position);
    }

    [Fact]
    public async Task A_tampered_object_whose_JSON_breaks_in_the_first_buffer_is_an_integrity_failure_not_a_JSON_error()
    {
        // Large enough that the deserializer gives up on its first buffer, long before the end of the object.
        byte[] original = Encoding.UTF8.GetBytes("\"" + new string('a', 200_000) + "\"");
        byte[] tampered = (byte[])original.Clone();
        tampered[5] = 0x01; // a raw control character inside a JSON string: invalid JSON, same length
        using var h = new AttackerHarness();
        h.Plant(AttackerHarness.Prefix + "tampered.json", tampered);
        string pointer = AttackerHarness.PointerJson(AttackerHarness.Bucket, AttackerHarness.Prefix + "tampered.json", original.Length, Sha256Hex.Of(original));

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(() => h.HydrateAsync(pointer).AsTask());

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intact_object_that_is_not_the_expected_JSON_is_a_JSON_error_after_verification()
    {
        byte[] content = Encoding.UTF8.GetBytes("{\"not\":\"a string\"," + new string(' ', 100_000) + "\"x\":1}");
        using var h = new AttackerHarness();
        h.Plant(AttackerHarness.Prefix + "object.json", content);
        string pointer = AttackerHarness.PointerJson(AttackerHarness.Bucket, AttackerHarness.Prefix + "object.json", content.Length, Sha256Hex.Of(content));

        await Assert.ThrowsAsync<PayloadJsonException>(() => h.HydrateAsync(pointer).AsTask());
    }
}
