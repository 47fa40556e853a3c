using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>One plain example for each bug the property tests found, so a regression names itself.</summary>
public sealed class RegressionTests
{
    private static readonly byte[] Content = "\"payload\""u8.ToArray();

    [Fact]
    public async Task A_zero_length_read_does_not_end_verification()
    {
        var pointer = new PayloadPointer("b", "k") { Size = Content.Length, Sha256 = Sha256Hex.Of(Content) };
        await using var verifying = new VerifyingReadStream(new MemoryStream(Content), pointer, Content.Length);

        Assert.Equal(0, verifying.Read(Span<byte>.Empty));
        Assert.Equal(0, await verifying.ReadAsync(Memory<byte>.Empty));
        byte[] all = new byte[100];
        Assert.Equal(Content.Length, verifying.Read(all, 0, all.Length));
        await verifying.VerifyToEndAsync(CancellationToken.None);
    }

    [Fact]
    public void Seeking_past_the_end_keeps_the_position_as_Stream_requires()
    {
        using var stream = new ReadOnlySequenceStream(new ReadOnlySequence<byte>(Content));

        Assert.Equal(Content.Length + 10, stream.Seek(10, SeekOrigin.End));
        Assert.Equal(0, stream.Read(new byte[4], 0, 4));
        Assert.Equal(Content.Length + 5, stream.Seek(-5, SeekOrigin.Current));
        Assert.Equal(Content.Length - 1, stream.Seek(-6, SeekOrigin.Current));
        byte[] last = new byte[4];
        Assert.Equal(1, stream.Read(last, 0, 4));
        Assert.Equal((byte)'"', last[0]);
    }

    [Fact]
    public async Task A_pointer_built_in_code_with_an_upper_case_sha256_verifies()
    {
        using var directory = new Infrastructure.TemporaryDirectory();
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(directory.Path));
        PayloadPointer stored = await runtime.OffloadAsync(new ReadOnlySequence<byte>(Content), CancellationToken.None);

        string? value = await runtime.ReadAsync(stored with { Sha256 = stored.Sha256!.ToUpperInvariant() }, AttackerHarness.StringType, CancellationToken.None);

        Assert.Equal("payload", value);
    }
}
