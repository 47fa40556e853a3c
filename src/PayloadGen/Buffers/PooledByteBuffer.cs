using System;
using System.Buffers;
using System.Collections.Generic;

namespace PayloadGen;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over pooled arrays that never copies what it has written: it grows by adding
/// segments, so a 200 MB response is serialized once, measured, hashed and uploaded from the same memory.
/// </summary>
/// <remarks>
/// Most payloads fit in the first segment, so the bookkeeping of further segments is created only when a second one
/// is needed: a small response costs one pooled array and this object, as little as a <c>MemoryStream</c>.
/// </remarks>
internal sealed class PooledByteBuffer : IBufferWriter<byte>, IDisposable
{
    private const int FirstSegmentBytes = 16 * 1024;
    private const int MaxSegmentBytes = 1024 * 1024;

    private readonly long _cap;
    private byte[] _current = Array.Empty<byte>();
    private int _currentUsed;

    /// <summary>The full segments before <see cref="_current"/>, in order; <see langword="null"/> while there is one.</summary>
    private List<byte[]>? _filled;
    private List<int>? _filledUsed;
    private long _filledBytes;

    /// <summary>A buffer without a cap.</summary>
    public PooledByteBuffer()
        : this(long.MaxValue)
    {
    }

    /// <summary>
    /// A buffer that throws <see cref="BufferCapExceededException"/> when asked for more memory once more than
    /// <paramref name="cap"/> bytes are written, so a writer filling it stops there instead of going on. (Not from
    /// <see cref="Advance"/>: a writer that has not finished advancing would advance again when it is disposed.)
    /// </summary>
    public PooledByteBuffer(long cap) => _cap = cap;

    /// <summary>Bytes written so far.</summary>
    public long Length => _filledBytes + _currentUsed;

    /// <summary>Whether more than the cap has been written.</summary>
    public bool IsOverCap => Length > _cap;

    public void Advance(int count)
    {
        if (count < 0 || _currentUsed + count > _current.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _currentUsed += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureRoom(sizeHint);
        return _current.AsMemory(_currentUsed);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureRoom(sizeHint);
        return _current.AsSpan(_currentUsed);
    }

    /// <summary>The written bytes as a sequence over the pooled segments; valid until the buffer is disposed.</summary>
    public ReadOnlySequence<byte> WrittenSequence
    {
        get
        {
            if (_filled is null)
            {
                return _current.Length == 0 ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(_current, 0, _currentUsed);
            }

            var blocks = new ReadOnlyMemory<byte>[_filled.Count + 1];
            for (int i = 0; i < _filled.Count; i++)
            {
                blocks[i] = _filled[i].AsMemory(0, _filledUsed![i]);
            }

            blocks[^1] = _current.AsMemory(0, _currentUsed);
            return SequenceSegment.Join(blocks);
        }
    }

    public void Dispose() => Clear();

    /// <summary>Returns the pooled arrays and empties the buffer, which can be written again from the start.</summary>
    public void Clear()
    {
        if (_filled is not null)
        {
            foreach (byte[] segment in _filled)
            {
                ArrayPool<byte>.Shared.Return(segment);
            }

            _filled = null;
            _filledUsed = null;
        }

        if (_current.Length != 0)
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _current = Array.Empty<byte>();
        _currentUsed = 0;
        _filledBytes = 0;
    }

    private void EnsureRoom(int sizeHint)
    {
        if (IsOverCap)
        {
            throw new BufferCapExceededException();
        }

        int needed = Math.Max(sizeHint, 1);
        if (_current.Length - _currentUsed >= needed)
        {
            return;
        }

        int next = FirstSegmentBytes;
        if (_current.Length != 0)
        {
            (_filled ??= new List<byte[]>()).Add(_current);
            (_filledUsed ??= new List<int>()).Add(_currentUsed);
            _filledBytes += _currentUsed;
            next = Math.Min(_current.Length * 2, MaxSegmentBytes);
        }

        // Cleared first: should Rent throw, Dispose must not return the filled segment a second time.
        _current = Array.Empty<byte>();
        _currentUsed = 0;
        _current = ArrayPool<byte>.Shared.Rent(Math.Max(next, needed));
    }
}
