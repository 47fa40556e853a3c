using System;
using System.Buffers;
using System.IO;
using Xunit;

namespace PayloadGen.Tests.Buffers;

public sealed class PooledByteBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024)]
    [InlineData(3 * 1024 * 1024 + 17)]
    public void Written_bytes_come_back_unchanged_across_segments(int length)
    {
        byte[] expected = new byte[length];
        new Random(length).NextBytes(expected);
        using var buffer = new PooledByteBuffer();

        for (int offset = 0; offset < length;)
        {
            int chunk = Math.Min(length - offset, 1 + (offset % 7919));
            Span<byte> span = buffer.GetSpan(chunk);
            expected.AsSpan(offset, chunk).CopyTo(span);
            buffer.Advance(chunk);
            offset += chunk;
        }

        Assert.Equal(length, buffer.Length);
        Assert.Equal(expected, buffer.WrittenSequence.ToArray());
    }

    [Fact]
    public void Sequence_stream_reads_seeks_and_slices()
    {
        byte[] expected = new byte[2 * 1024 * 1024 + 5];
        new Random(3).NextBytes(expected);
        using var buffer = new PooledByteBuffer();
        buffer.Write(expected);

        using var stream = new ReadOnlySequenceStream(buffer.WrittenSequence);
        stream.Position = 1_000_000;
        byte[] tail = new byte[expected.Length];
        int read = stream.ReadAtLeast(tail, tail.Length - 1_000_000, throwOnEndOfStream: false);

        Assert.Equal(expected.Length - 1_000_000, read);
        Assert.Equal(expected.AsSpan(1_000_000).ToArray(), tail.AsSpan(0, read).ToArray());
        Assert.Equal(0, stream.Read(tail, 0, 10));

        using var slice = new ReadOnlySequenceStream(buffer.WrittenSequence.Slice(100, 50));
        using var copy = new MemoryStream();
        slice.CopyTo(copy);
        Assert.Equal(expected.AsSpan(100, 50).ToArray(), copy.ToArray());
    }

    [Fact]
    public void Disposing_the_stream_returns_the_buffer()
    {
        var buffer = new PooledByteBuffer();
        buffer.Write(new byte[100]);
        var stream = new ReadOnlySequenceStream(buffer.WrittenSequence, owner: buffer);

        stream.Dispose();

        Assert.Equal(0, buffer.Length);
        Assert.False(stream.CanRead);
    }
}
