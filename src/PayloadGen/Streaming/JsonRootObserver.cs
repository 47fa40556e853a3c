using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// Passes a JSON payload through to <c>JsonSerializer.DeserializeAsyncEnumerable</c> and remembers how its root
/// value begins. The deserializer reads a root <c>null</c> as an empty sequence; this is how a
/// <see cref="HydratedSequence{T}"/> tells it from <c>[]</c> and refuses it as it refuses any null payload.
/// </summary>
internal sealed class JsonRootObserver : Stream
{
    private readonly Stream _inner;

    /// <summary>JSON whitespace, and the bytes of a UTF-8 byte order mark, which the deserializer skips too.</summary>
    private static ReadOnlySpan<byte> SkippedBeforeRoot => " \t\r\n\uFEFF"u8;

    public JsonRootObserver(Stream inner) => _inner = inner;

    /// <summary>The first byte of the root value (after any whitespace), or 0 while none was read.</summary>
    public byte RootStart { get; private set; }

    /// <summary>Whether the root value is <c>null</c>, as far as it was read.</summary>
    public bool RootIsNull => RootStart == (byte)'n';

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        Observe(buffer.Slice(0, read));
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(buffer.Span.Slice(0, read));
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Observe(ReadOnlySpan<byte> data)
    {
        if (RootStart != 0)
        {
            return;
        }

        int start = data.IndexOfAnyExcept(SkippedBeforeRoot);
        if (start < 0)
        {
            return;
        }

        RootStart = data[start];
    }
}
