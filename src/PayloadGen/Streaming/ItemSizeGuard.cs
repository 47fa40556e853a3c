using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// Passes an <c>IAsyncEnumerable&lt;T&gt;</c> request's JSON through to the deserializer and counts what is read for the
/// current item: past <see cref="ClaimCheckOptions.MaxItemBytes"/> the read fails, before System.Text.Json has buffered
/// more of one item (a string or number token is buffered whole) than the cap. The sequence starts a new count each
/// time an item is handed out, so the count is what was read while the deserializer looked for one item, read-ahead
/// included (at most its buffer, which only a token larger than it makes grow).
/// </summary>
internal sealed class ItemSizeGuard : Stream
{
    private readonly Stream _inner;
    private readonly long _maxItemBytes;
    private readonly Func<long, Exception> _tooLarge;
    private long _readForItem;

    /// <param name="inner">The request's JSON.</param>
    /// <param name="maxItemBytes">The most bytes one item may take.</param>
    /// <param name="tooLarge">The error for the current item, given the bytes read for it.</param>
    public ItemSizeGuard(Stream inner, long maxItemBytes, Func<long, Exception> tooLarge)
    {
        _inner = inner;
        _maxItemBytes = maxItemBytes;
        _tooLarge = tooLarge;
    }

    /// <summary>An item was handed out: the bytes read from here on count for the next one.</summary>
    public void NextItem() => _readForItem = 0;

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

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _readForItem += read;
        if (_readForItem > _maxItemBytes)
        {
            throw _tooLarge(_readForItem);
        }

        return read;
    }
}
