using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Integrity;

/// <summary>
/// A store body that delivers more bytes than its announced length (a lying endpoint, a swapped object) fails on
/// the read that crosses the announced length, so the surplus is never handed to the deserializer.
/// </summary>
public sealed class OverlongStreamTests
{
    private static readonly byte[] Announced = "\"payload\""u8.ToArray();

    [Fact]
    public void The_read_that_crosses_the_announced_length_throws()
    {
        byte[] delivered = [.. Announced, .. "  "u8];
        var pointer = new PayloadPointer("b", "k") { Size = Announced.Length, Sha256 = Sha256Hex.Of(Announced) };
        using var verifying = new VerifyingReadStream(new MemoryStream(delivered), pointer, Announced.Length);

        var error = Assert.Throws<PayloadIntegrityException>(() => verifying.Read(new byte[64], 0, 64));

        Assert.Contains("more than the", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_asynchronous_read_that_crosses_the_announced_length_throws()
    {
        // Trailing whitespace keeps the JSON valid: only the length check can notice the surplus.
        byte[] delivered = [.. Announced, .. "  "u8];
        var pointer = new PayloadPointer("b", "k") { Size = Announced.Length };
        await using var verifying = new VerifyingReadStream(new MemoryStream(delivered), pointer, Announced.Length);

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(() => verifying.ReadAsync(new byte[64], CancellationToken.None).AsTask());

        Assert.Contains("more than the", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_exactly_the_announced_length_is_not_a_surplus()
    {
        var pointer = new PayloadPointer("b", "k") { Size = Announced.Length };
        await using var verifying = new VerifyingReadStream(new MemoryStream(Announced), pointer, Announced.Length);

        Assert.Equal(Announced.Length, await verifying.ReadAsync(new byte[Announced.Length], CancellationToken.None));
        await verifying.VerifyToEndAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_shorter_body_than_announced_fails_at_the_end()
    {
        var pointer = new PayloadPointer("b", "k") { Size = Announced.Length + 1 };
        await using var verifying = new VerifyingReadStream(new MemoryStream(Announced), pointer, Announced.Length + 1);

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(() => verifying.VerifyToEndAsync(CancellationToken.None).AsTask());

        Assert.Contains("were read where the pointer announced", error.Message, StringComparison.Ordinal);
    }
}
