using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// The stream a payload is serialized into when it may have to be offloaded. With a store that takes parts, the
/// payload's first bytes (up to <see cref="StartBytes"/>, and never past the inline threshold) are kept in pooled
/// memory: a payload that ends there is returned from it, with no part buffer or upload state created. Past them,
/// every byte goes into a <see cref="PartUploader"/>'s part buffers, starting with those first bytes: up to the inline
/// threshold they are held there (and returned from there when the payload ends under it, exactly the bytes of an
/// inline response);
/// past it the held parts start uploading and further parts go up while serialization continues, so memory is bounded
/// by the parts in flight rather than by the payload, and the inline bytes are never a second copy beside the parts.
/// A store that does not take parts receives the payload whole, from pooled memory.
/// </summary>
/// <remarks>Written by <c>JsonSerializer.SerializeAsync</c>, which only writes asynchronously; one writer at a time.</remarks>
internal sealed class StreamedOffload : Stream
{
    /// <summary>
    /// How much of a payload is kept in pooled memory before a part buffer is needed: a part is a fresh mapping of the
    /// store's part size, whose pages fault in as they are written, which for a payload of a few hundred kilobytes costs
    /// more than serializing it; past this, the copy into the first part is a small share of what the upload costs.
    /// </summary>
    internal const int StartBytes = 256 * 1024;

    private readonly ClaimCheckRuntime _runtime;
    private readonly long _inlineThreshold;
    private readonly PayloadDescription _description;
    private readonly IStreamingPayloadStore? _streaming;
    private readonly long _knownLongerThan;
    private PooledByteBuffer? _whole;

    /// <summary>The first bytes, while the payload fits in <see cref="StartBytes"/> under the threshold (a store that takes parts).</summary>
    private PooledByteBuffer? _start;
    private PartUploader? _parts;
    private bool _offloading;
    private long _length;
    private bool _completed;
    private bool _disposed;

    /// <param name="runtime">The runtime whose store receives the payload.</param>
    /// <param name="inlineThreshold">The longest payload returned inline; negative when it is known to be offloaded.</param>
    /// <param name="description">What the payload is (content type, direction, source).</param>
    /// <param name="knownLongerThan">
    /// A length the payload is known to exceed (a first serialization stopped past it), or -1. When the payload is so
    /// known to fill the store's first part, the upload is created at the first write instead of when that part is full.
    /// </param>
    public StreamedOffload(ClaimCheckRuntime runtime, long inlineThreshold, PayloadDescription description, long knownLongerThan = -1)
    {
        _runtime = runtime;
        _inlineThreshold = inlineThreshold;
        _description = description;
        _knownLongerThan = knownLongerThan;
        if (runtime.Store is IStreamingPayloadStore streaming)
        {
            _streaming = streaming;
            _offloading = inlineThreshold < 0;
        }
        else
        {
            _whole = new PooledByteBuffer();
        }
    }

    /// <summary>The part uploader, created by the first write (which reports a store's unusable part size).</summary>
    private PartUploader Parts => _parts ??= new PartUploader(_runtime, _streaming!, _description, holdUntilOffloaded: !_offloading);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_completed;

    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _length += buffer.Length;
        if (_streaming is null)
        {
            Append(_whole!, buffer.Span);
            return default;
        }

        // Most lazy sequences are small: a part buffer and the upload's bookkeeping cost more than serializing them,
        // and their writes complete here, without an async state machine.
        if (_parts is null && !_offloading && _length <= Math.Min(StartBytes, _inlineThreshold))
        {
            Append(_start ??= new PooledByteBuffer(), buffer.Span);
            return default;
        }

        return WriteToPartsAsync(buffer, cancellationToken);
    }

    /// <summary>The rest of <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>: the payload is in (or moves to) part buffers.</summary>
    private async ValueTask WriteToPartsAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_parts is null && !_offloading)
        {
            await MoveStartToPartsAsync(cancellationToken).ConfigureAwait(false);
        }

        bool firstWrite = _parts is null;
        PartUploader parts = Parts;
        if (firstWrite && _offloading && _knownLongerThan + 1 >= _streaming!.PartSizeBytes)
        {
            // Known to fill a part: the upload's creation (a round trip) overlaps serializing that part.
            parts.StartUpload(_knownLongerThan);
        }

        await parts.AppendAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (!_offloading && _length > _inlineThreshold)
        {
            // Over the threshold: this payload is offloaded, and the parts held so far are its first ones.
            _offloading = true;
            await parts.OffloadAsync(cancellationToken).ConfigureAwait(false);
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
    /// Ends the payload when it stayed in pooled memory under the threshold (no part buffer was needed, or the store
    /// does not take parts): returns it as a stream (ownership of the pooled memory passes to it), synchronously.
    /// Otherwise returns <see langword="null"/> and leaves the payload to <see cref="CompleteAsync"/>.
    /// </summary>
    public Stream? TryCompleteInline()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        PooledByteBuffer inline;
        if (_streaming is not null)
        {
            if (_parts is not null || _offloading)
            {
                return null;
            }

            // Ended within its start: no part was ever needed.
            inline = _start ?? new PooledByteBuffer();
            _start = null;
        }
        else if (_whole!.Length <= _inlineThreshold)
        {
            inline = _whole;
            _whole = null;
        }
        else
        {
            return null;
        }

        _completed = true;
        return new ReadOnlySequenceStream(inline.WrittenSequence, owner: inline);
    }

    /// <summary>
    /// Ends the payload: returns it inline (ownership of the pooled memory passes to the returned stream) when it
    /// fits under the threshold, otherwise finishes storing it and returns its pointer.
    /// </summary>
    public async ValueTask<OffloadOutcome> CompleteAsync(CancellationToken cancellationToken)
    {
        if (TryCompleteInline() is Stream inline)
        {
            return new OffloadOutcome(inline, Pointer: null, _length);
        }

        PayloadPointer pointer;
        if (_streaming is not null)
        {
            PartUploader parts = Parts;
            if (!_offloading)
            {
                _completed = true;
                return new OffloadOutcome(parts.TakeInline(), Pointer: null, _length);
            }

            pointer = await parts.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A store that does not take parts receives the whole payload, as before streaming existed.
            pointer = await _runtime.OffloadAsync(_whole!.WrittenSequence, _description, cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
        return new OffloadOutcome(null, pointer, _length);
    }

    public override ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return base.DisposeAsync();
        }

        _disposed = true;
        _completed = true;
        _whole?.Dispose();
        _whole = null;
        _start?.Dispose();
        _start = null;
        // Only an upload has anything to wait for: a payload that stayed in pooled memory is released here, and
        // Stream's own disposal (Dispose(), which finds this one done) completes synchronously.
        return _parts is null ? base.DisposeAsync() : DisposeUploadAsync(_parts);
    }

    private async ValueTask DisposeUploadAsync(PartUploader parts)
    {
        await parts.DisposeAsync().ConfigureAwait(false);
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

    /// <summary>The payload outgrew its start: those bytes become the start of the first part (a copy of at most <see cref="StartBytes"/>).</summary>
    private async ValueTask MoveStartToPartsAsync(CancellationToken cancellationToken)
    {
        if (_start is not { } start)
        {
            return;
        }

        _start = null;
        try
        {
            foreach (ReadOnlyMemory<byte> segment in start.WrittenSequence)
            {
                await Parts.AppendAsync(segment, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            start.Dispose();
        }
    }

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
