using System;
using System.Buffers;
using System.Collections.Generic;

namespace PayloadGen;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over pooled arrays that never copies what it has written: it grows by adding
/// segments, so a 200 MB response is serialized once, measured, hashed and uploaded from the same memory.
/// </summary>
internal sealed class PooledByteBuffer : IBufferWriter<byte>, IDisposable
{
    private const int FirstSegmentBytes = 16 * 1024;
    private const int MaxSegmentBytes = 1024 * 1024;

    private readonly List<byte[]> _segments = new();
    private readonly List<int> _segmentUsed = new();
    private byte[] _current = Array.Empty<byte>();
    private int _currentUsed;
    private long _completedBytes;
    private readonly long _cap;

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
    public long Length => _completedBytes + _currentUsed;

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
            if (_segments.Count == 0)
            {
                return ReadOnlySequence<byte>.Empty;
            }

            if (_segments.Count == 1)
            {
                return new ReadOnlySequence<byte>(_current, 0, _currentUsed);
            }

            var blocks = new ReadOnlyMemory<byte>[_segments.Count];
            for (int i = 0; i < blocks.Length; i++)
            {
                blocks[i] = _segments[i].AsMemory(0, UsedIn(i));
            }

            return SequenceSegment.Join(blocks);
        }
    }

    public void Dispose()
    {
        foreach (byte[] segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
        _segmentUsed.Clear();
        _current = Array.Empty<byte>();
        _currentUsed = 0;
        _completedBytes = 0;
    }

    private int UsedIn(int index) => index == _segments.Count - 1 ? _currentUsed : _segmentUsed[index];

    /// <summary>Whether more than the cap has been written.</summary>
    public bool IsOverCap => Length > _cap;

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

        if (_segments.Count > 0)
        {
            _segmentUsed.Add(_currentUsed);
            _completedBytes += _currentUsed;
        }

        int next = _segments.Count == 0 ? FirstSegmentBytes : Math.Min(_current.Length * 2, MaxSegmentBytes);
        _current = ArrayPool<byte>.Shared.Rent(Math.Max(next, needed));
        _currentUsed = 0;
        _segments.Add(_current);
    }
}
