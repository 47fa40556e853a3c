using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Integrity;

/// <summary>
/// The parts of the verifying stream's contract a deserializer or the store's connection relies on: a zero-length
/// read is not the end, reading again after the end is not a second verdict, disposing it releases the body, and
/// its awaits never resume on the caller's synchronization context.
/// </summary>
public sealed class VerifyingReadStreamContractTests
{
    private static readonly byte[] Content = "\"payload\""u8.ToArray();

    private static PayloadPointer Pointer(byte[] content) => new("b", "k") { Size = content.Length, Sha256 = Sha256Hex.Of(content) };

    [Fact]
    public void A_zero_length_read_before_the_end_does_not_end_verification()
    {
        using var verifying = new VerifyingReadStream(new MemoryStream(Content), Pointer(Content), Content.Length);

        Assert.Equal(0, verifying.Read([], 0, 0));
        Assert.Equal(0, verifying.Read(Span<byte>.Empty));

        byte[] buffer = new byte[64];
        Assert.Equal(Content.Length, verifying.Read(buffer, 0, buffer.Length));
        Assert.Equal(0, verifying.Read(buffer, 0, buffer.Length));
        Assert.Equal(Content, buffer.AsSpan(0, Content.Length).ToArray());
    }

    [Fact]
    public async Task A_zero_length_asynchronous_read_before_the_end_does_not_end_verification()
    {
        await using var verifying = new VerifyingReadStream(new MemoryStream(Content), Pointer(Content), Content.Length);

        Assert.Equal(0, await verifying.ReadAsync(Memory<byte>.Empty, CancellationToken.None));

        await verifying.VerifyToEndAsync(CancellationToken.None);
        Assert.Equal(Content.Length, verifying.Position);
    }

    [Fact]
    public async Task Reading_again_after_the_verified_end_returns_nothing_and_raises_no_false_failure()
    {
        await using var verifying = new VerifyingReadStream(new MemoryStream(Content), Pointer(Content), Content.Length);
        byte[] buffer = new byte[64];

        Assert.Equal(Content.Length, verifying.Read(buffer, 0, buffer.Length));
        Assert.Equal(0, verifying.Read(buffer, 0, buffer.Length));
        Assert.Equal(0, verifying.Read(buffer, 0, buffer.Length));
        Assert.Equal(0, await verifying.ReadAsync(buffer, CancellationToken.None));
        await verifying.VerifyToEndAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_tampered_body_fails_again_on_every_later_read_instead_of_passing()
    {
        byte[] tampered = "\"PAYLOAD\""u8.ToArray();
        await using var verifying = new VerifyingReadStream(new MemoryStream(tampered), Pointer(Content), Content.Length);
        byte[] buffer = new byte[64];
        Assert.Equal(tampered.Length, verifying.Read(buffer, 0, buffer.Length));

        Assert.Throws<PayloadIntegrityException>(() => verifying.Read(buffer, 0, buffer.Length));
        Assert.Throws<PayloadIntegrityException>(() => verifying.Read(buffer, 0, buffer.Length));
        await Assert.ThrowsAsync<PayloadIntegrityException>(() => verifying.VerifyToEndAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public void Disposing_the_stream_disposes_the_store_body()
    {
        var body = new MemoryStream(Content);
        var verifying = new VerifyingReadStream(body, Pointer(Content), Content.Length);

        verifying.Dispose();

        Assert.False(body.CanRead);
    }

    [Fact]
    public void It_is_a_forward_only_read_only_stream_of_the_announced_length()
    {
        using var verifying = new VerifyingReadStream(new MemoryStream(Content), Pointer(Content), Content.Length);

        Assert.True(verifying.CanRead);
        Assert.False(verifying.CanSeek);
        Assert.False(verifying.CanWrite);
        Assert.Equal(Content.Length, verifying.Length);
        Assert.Throws<NotSupportedException>(() => verifying.Position = 0);
        Assert.Throws<NotSupportedException>(() => verifying.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => verifying.SetLength(0));
        Assert.Throws<NotSupportedException>(() => verifying.Write(Content, 0, 1));
    }

    [Fact]
    public async Task Reading_and_verifying_never_resume_on_the_callers_context()
    {
        byte[] content = new byte[40_000];
        content.AsSpan().Fill((byte)' ');
        await using var verifying = new VerifyingReadStream(new SlowReadStream(content), Pointer(content), content.Length);

        // Each call starts with the context current; only a continuation the stream itself captures is counted.
        Assert.Equal(0, await CountingSynchronizationContext.PostsDuringAsync(() => verifying.ReadAsync(Memory<byte>.Empty, CancellationToken.None).AsTask()));
        Assert.Equal(0, await CountingSynchronizationContext.PostsDuringAsync(() => verifying.ReadAsync(new byte[100], CancellationToken.None).AsTask()));
        Assert.Equal(0, await CountingSynchronizationContext.PostsDuringAsync(() => verifying.VerifyToEndAsync(CancellationToken.None).AsTask()));

        Assert.Equal(content.Length, verifying.Position);
    }
}
