using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// The stream a payload is serialized into when it may have to be offloaded. Up to the inline threshold the bytes
/// stay in pooled memory, exactly as an inline response is returned. Past it (with a store that takes parts) they go
/// to a <see cref="PartUploader"/>, which uploads parts while serialization continues, so memory is bounded by the
/// parts in flight rather than by the payload. A store that does not take parts receives the payload whole.
/// </summary>
/// <remarks>Written by <c>JsonSerializer.SerializeAsync</c>, which only writes asynchronously; one writer at a time.</remarks>
internal sealed class StreamedOffload : Stream
{
    private readonly ClaimCheckRuntime _runtime;
    private readonly long _inlineThreshold;
    private readonly PayloadDescription _description;
    private PooledByteBuffer? _inline = new();
    private PartUploader? _parts;
    private long _length;
    private bool _completed;
    private bool _disposed;

    public StreamedOffload(ClaimCheckRuntime runtime, long inlineThreshold, PayloadDescription description)
    {
        _runtime = runtime;
        _inlineThreshold = inlineThreshold;
        _description = description;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_completed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _length += buffer.Length;
        if (_parts is PartUploader parts)
        {
            await parts.AppendAsync(buffer, cancellationToken).ConfigureAwait(false);
            return;
        }

        PooledByteBuffer inline = _inline!;
        Append(inline, buffer.Span);
        if (inline.Length <= _inlineThreshold || _runtime.Store is not IStreamingPayloadStore streaming)
        {
            return;
        }

        // Over the threshold: this payload is offloaded, and what is buffered becomes the start of the first part.
        _parts = new PartUploader(_runtime, streaming, _description);
        _inline = null;
        try
        {
            foreach (ReadOnlyMemory<byte> segment in inline.WrittenSequence)
            {
                await _parts.AppendAsync(segment, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            inline.Dispose();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
        => throw new NotSupportedException("A streamed offload is written asynchronously: a write may have to wait for a part to finish uploading.");

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Ends the payload: returns it inline (ownership of the pooled memory passes to the returned stream) when it
    /// fits under the threshold, otherwise finishes storing it and returns its pointer.
    /// </summary>
    public async ValueTask<OffloadOutcome> CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        PayloadPointer pointer;
        if (_parts is PartUploader parts)
        {
            pointer = await parts.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (_inline!.Length <= _inlineThreshold)
        {
            PooledByteBuffer inline = _inline;
            _inline = null;
            _completed = true;
            return new OffloadOutcome(new ReadOnlySequenceStream(inline.WrittenSequence, owner: inline), Pointer: null, _length);
        }
        else
        {
            // A store that does not take parts receives the whole payload, as before streaming existed.
            pointer = await _runtime.OffloadAsync(_inline.WrittenSequence, _description, cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
        return new OffloadOutcome(null, pointer, _length);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _completed = true;
            _inline?.Dispose();
            _inline = null;
            if (_parts is not null)
            {
                await _parts.DisposeAsync().ConfigureAwait(false);
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static void Append(PooledByteBuffer buffer, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            Span<byte> free = buffer.GetSpan(1);
            int count = Math.Min(free.Length, data.Length);
            data.Slice(0, count).CopyTo(free);
            buffer.Advance(count);
            data = data.Slice(count);
        }
    }
}
