using System;
using System.Buffers;
using System.Collections.Generic;

namespace PayloadGen;

/// <summary>
/// The part buffers of a payload that turned out small enough to return inline: their bytes as one sequence, and
/// the buffers freed when the inline response stream that reads them is disposed.
/// </summary>
internal sealed class PartBuffers : IDisposable
{
    private List<PartBuffer>? _parts;

    public PartBuffers(List<PartBuffer> parts)
    {
        _parts = parts;
        var blocks = new ReadOnlyMemory<byte>[parts.Count];
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i] = parts[i].WrittenMemory;
        }

        Written = SequenceSegment.Join(blocks);
    }

    /// <summary>The written bytes of every part, in order; valid until disposed.</summary>
    public ReadOnlySequence<byte> Written { get; }

    public void Dispose()
    {
        List<PartBuffer>? parts = _parts;
        _parts = null;
        foreach (PartBuffer part in parts ?? [])
        {
            ((IDisposable)part).Dispose();
        }
    }
}
