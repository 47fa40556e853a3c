using System;
using System.Buffers;
using System.Collections.Generic;

namespace PayloadGen;

/// <summary>Joins blocks of memory into one <see cref="ReadOnlySequence{T}"/> without copying them.</summary>
internal sealed class SequenceSegment : ReadOnlySequenceSegment<byte>
{
    private SequenceSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>The blocks, in order, as one sequence; valid while the blocks are.</summary>
    public static ReadOnlySequence<byte> Join(IReadOnlyList<ReadOnlyMemory<byte>> blocks)
    {
        if (blocks.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        if (blocks.Count == 1)
        {
            return new ReadOnlySequence<byte>(blocks[0]);
        }

        var first = new SequenceSegment(blocks[0], 0);
        SequenceSegment last = first;
        for (int i = 1; i < blocks.Count; i++)
        {
            var next = new SequenceSegment(blocks[i], last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
