#if NET10_0_OR_GREATER
using System;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// What System.Text.Json serializes a streamed payload through on .NET 10 (<c>JsonSerializer.SerializeAsync(PipeWriter, …)</c>):
/// its writer writes straight into the <see cref="StreamedOffload"/>'s memory — the start buffer, then the part
/// buffers — where through a <see cref="System.IO.Stream"/> it fills a 16 KiB buffer of its own and every byte is
/// copied from there into the parts. The serializer flushes about every 14 KiB; a flush does what a stream write
/// did (moves the start to parts, uploads a filled part, offloads past the threshold), so the bytes, the inline
/// threshold, the hold and the back-pressure are the same.
/// </summary>
/// <remarks>
/// A part cannot be uploaded from <see cref="Advance"/> (waiting for a free part slot is asynchronous). So when a part
/// is full and not yet handed over, or has less room than the serializer asks for, what is written until the next
/// flush goes into a small pooled overflow buffer, appended to the parts on that flush after the filled part: at
/// most one flush interval per part is copied. One writer at a time, as with the stream.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "The overflow lives from a part boundary to the next flush, which returns it (as Complete does); a serialization that failed in between leaves its pooled arrays to the garbage collector, as System.Text.Json's own buffer would.")]
internal sealed class StreamedOffloadWriter : PipeWriter
{
    private readonly StreamedOffload _offload;
    private PooledByteBuffer? _overflow;
    private bool _lastMemoryInPlace;
    private long _unflushed;

    public StreamedOffloadWriter(StreamedOffload offload) => _offload = offload;

    /// <summary>System.Text.Json's asynchronous serializer requires it, to decide when to flush.</summary>
    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => _unflushed;

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);

        // Once bytes are in the overflow, everything after them goes there too until the flush: order is kept.
        if (_overflow is null)
        {
            Memory<byte> inPlace = _offload.GetWritableMemory(sizeHint);
            if (!inPlace.IsEmpty)
            {
                _lastMemoryInPlace = true;
                return inPlace;
            }

            _overflow = new PooledByteBuffer();
        }

        _lastMemoryInPlace = false;
        return _overflow.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes == 0)
        {
            return;
        }

        if (_lastMemoryInPlace)
        {
            _offload.Advance(bytes);
        }
        else
        {
            (_overflow ?? throw new InvalidOperationException("Advance follows GetMemory.")).Advance(bytes);
        }

        _unflushed += bytes;
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        _unflushed = 0;
        ValueTask settling = _offload.SettleAsync(cancellationToken);
        if (settling.IsCompletedSuccessfully && _overflow is null)
        {
            settling.GetAwaiter().GetResult();
            return default;
        }

        return FlushOverflowAsync(settling, cancellationToken);
    }

    private async ValueTask<FlushResult> FlushOverflowAsync(ValueTask settling, CancellationToken cancellationToken)
    {
        await settling.ConfigureAwait(false);
        if (_overflow is { } overflow)
        {
            _overflow = null;
            _lastMemoryInPlace = false;
            try
            {
                foreach (ReadOnlyMemory<byte> segment in overflow.WrittenSequence)
                {
                    await _offload.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                overflow.Dispose();
            }
        }

        return default;
    }

    /// <summary>Nothing waits inside a flush but a part slot, which the flush's cancellation token cancels.</summary>
    public override void CancelPendingFlush()
    {
    }

    /// <summary>Returns the overflow's pooled memory; the offload itself is completed and disposed by its owner.</summary>
    public override void Complete(Exception? exception = null)
    {
        _overflow?.Dispose();
        _overflow = null;
    }
}
#endif
