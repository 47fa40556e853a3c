using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.AspNetCore;

/// <summary><c>Response.Body</c> under <c>UseClaimCheck()</c>: a write-only stream into <see cref="ClaimCheckResponseBody"/>.</summary>
internal sealed class BufferingResponseStream : Stream
{
    private readonly ClaimCheckResponseBody _body;

    public BufferingResponseStream(ClaimCheckResponseBody body) => _body = body;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => _body.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => _body.Write(buffer);

    public override void WriteByte(byte value) => _body.Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => _body.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        => _body.WriteAsync(buffer, cancellationToken);

    public override void Flush() => _body.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _body.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
