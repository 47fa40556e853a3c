using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// A read-only, seekable stream over a <see cref="ReadOnlySequence{T}"/>: the inline response handed back to
/// Lambda, and each part of a multipart upload, read straight from the serialization buffer without a copy.
/// </summary>
internal sealed class ReadOnlySequenceStream : Stream
{
    private readonly ReadOnlySequence<byte> _sequence;
    private readonly IDisposable? _owner;
    private SequencePosition _position;
    private long _offset;
    private bool _disposed;
    private Task<int>? _lastRead;

    /// <param name="sequence">The bytes to read.</param>
    /// <param name="owner">Disposed with the stream, returning the sequence's memory to its pool.</param>
    public ReadOnlySequenceStream(ReadOnlySequence<byte> sequence, IDisposable? owner = null)
    {
        _sequence = sequence;
        _owner = owner;
        _position = sequence.Start;
    }

    /// <summary>
    /// The SHA-256 of the whole sequence in lower-case hex, when whoever made the stream computed it: an upload part's,
    /// which <see cref="PrecomputedPayloadHashHandler"/> gives the S3 client's signer.
    /// </summary>
    public string? ContentSha256 { get; init; }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length => _sequence.Length;

    public override long Position
    {
        get => _offset;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Seeking past the end is allowed (Stream's contract): reads there return 0, and Position keeps the value.
            _offset = value;
            _position = _sequence.GetPosition(Math.Min(value, _sequence.Length));
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ReadOnlySequence<byte> remaining = _sequence.Slice(_position);
        int count = (int)Math.Min(buffer.Length, remaining.Length);
        if (count == 0)
        {
            return 0;
        }

        ReadOnlySequence<byte> chunk = remaining.Slice(0, count);
        chunk.CopyTo(buffer);
        _position = chunk.End;
        _offset += count;
        return count;
    }

    /// <remarks>
    /// The S3 client reads each part through this overload, a few kilobytes at a time, twice (once to sign it, once
    /// to send it): a new task per read was 1,300 tasks per 5 MiB part, two thirds of what a streamed offload
    /// allocated. Reads of a full buffer return the same count, so the last task is kept and returned again, as
    /// <see cref="MemoryStream"/> does.
    /// </remarks>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int read = Read(buffer.AsSpan(offset, count));
        Task<int>? last = _lastRead;
        return last is not null && last.Result == read ? last : _lastRead = Task.FromResult(read);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(buffer.Span));
    }

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ReadOnlySequence<byte> rest = _sequence.Slice(_position);
        if (!rest.IsSingleSegment)
        {
            return CopySegmentsToAsync(destination, cancellationToken);
        }

        // A small response is one segment: written without an async state machine, which a cold start pays for in JIT time.
        _position = _sequence.End;
        _offset = Math.Max(_offset, _sequence.Length);
        return destination.WriteAsync(rest.First, cancellationToken).AsTask();
    }

    private async Task CopySegmentsToAsync(Stream destination, CancellationToken cancellationToken)
    {
        foreach (ReadOnlyMemory<byte> segment in _sequence.Slice(_position))
        {
            await destination.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        _position = _sequence.End;
        _offset = Math.Max(_offset, _sequence.Length);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _offset + offset,
            SeekOrigin.End => _sequence.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _offset;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _owner?.Dispose();
        }

        base.Dispose(disposing);
    }
}
