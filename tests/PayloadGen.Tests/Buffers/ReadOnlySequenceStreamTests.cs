using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Buffers;

// The overload under test is the one the S3 client calls, not the Memory<byte> one the analyzer recommends.
#pragma warning disable CA1835

/// <summary>
/// The stream each upload part is read through: the S3 client reads a part a few kilobytes at a time through the
/// task-returning overload, twice per part, so that overload must not cost a task per read.
/// </summary>
public sealed class ReadOnlySequenceStreamTests
{
    [Fact]
    public async Task A_part_read_in_small_chunks_through_the_task_overload_gives_every_byte_without_a_task_per_read()
    {
        // Two segments (reads cross the boundary) and a length that is not a multiple of the read size (the count changes at the end).
        byte[] content = new byte[(5 * 1024 * 1024) + 123];
        new Random(31).NextBytes(content);
        ReadOnlySequence<byte> sequence = SequenceSegment.Join([content.AsMemory(0, 3_000_001), content.AsMemory(3_000_001)]);
        using var stream = new ReadOnlySequenceStream(sequence);
        byte[] buffer = new byte[4096];
        using var copy = new MemoryStream(content.Length);

        // A first pass pays for what happens once (compiling and loading the code); the next ones are measured, as the
        // S3 client reads a part twice. Every read completes synchronously, so the thread and its allocation counter
        // stay the same. The least of three passes is the figure: the runtime itself now and then allocates a few KB on
        // the thread (seen once on net8.0 under load, 8 KB in one pass), which a task per read (90 KB) would dwarf.
        await ReadToEndAsync(stream, buffer, copy);
        long allocated = long.MaxValue;
        for (int pass = 0; pass < 3; pass++)
        {
            stream.Position = 0;
            copy.SetLength(0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int reads = await ReadToEndAsync(stream, buffer, copy);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(content, copy.ToArray());
            Assert.Equal(1_281, reads);
        }

        // A task per read would be about 90 KB; the counts that change (the short last read and the final 0) cost one each.
        Assert.InRange(allocated, 0, 1_024);
    }

    private static async Task<int> ReadToEndAsync(ReadOnlySequenceStream stream, byte[] buffer, MemoryStream copy)
    {
        int reads = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, CancellationToken.None)) > 0)
        {
            copy.Write(buffer, 0, read);
            reads++;
        }

        return reads;
    }

    [Fact]
    public async Task A_cancelled_read_through_the_task_overload_throws_and_reads_nothing()
    {
        using var stream = new ReadOnlySequenceStream(new ReadOnlySequence<byte>(new byte[100]));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[10], 0, 10, cancelled.Token));

        Assert.Equal(0, stream.Position);
    }
}
#pragma warning restore CA1835
