using System;
using System.Buffers;
using System.Runtime.InteropServices;

namespace PayloadGen;

/// <summary>
/// One part of a streamed upload, outside the garbage-collected heap: the garbage collector never sees the part
/// traffic of a 1 GB export, and the memory goes back to the operating system the moment the upload ends, so a warm
/// execution environment keeps nothing of a large payload — no pooled arrays, no large-object-heap garbage waiting
/// for a full collection, no allocator arenas holding freed blocks (<see cref="PageMemory"/>).
/// </summary>
/// <remarks>
/// No finalizer (CA2015: it could free memory a span still points to): whoever allocates a buffer disposes it, on
/// success, failure or cancellation, after the last reader of it has ended.
/// </remarks>
internal sealed unsafe class PartBuffer : MemoryManager<byte>
{
    private byte* _memory;

    public PartBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _memory = PageMemory.Allocate(capacity);
    }

    public int Capacity { get; }

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    public bool IsFull => Length == Capacity;

    /// <summary>The written bytes, as the store reads them.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => Memory.Slice(0, Length);

    /// <summary>The written bytes, as the store reads them.</summary>
    public ReadOnlySequence<byte> Written => new(WrittenMemory);

    /// <summary>Copies as much of <paramref name="data"/> as fits and says how much that was.</summary>
    public int Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_memory is null, this);
        int count = Math.Min(data.Length, Capacity - Length);
        data.Slice(0, count).CopyTo(new Span<byte>(_memory + Length, Capacity - Length));
        Length += count;
        return count;
    }

    /// <summary>Empties the buffer for the next part.</summary>
    public void Reset() => Length = 0;

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_memory is null, this);
        return new Span<byte>(_memory, Capacity);
    }

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_memory is null, this);
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, Capacity);
        // Native memory does not move; there is nothing to pin.
        return new MemoryHandle(_memory + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_memory is not null)
        {
            PageMemory.Free(_memory, Capacity);
            _memory = null;
        }
    }
}
