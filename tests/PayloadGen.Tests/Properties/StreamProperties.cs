using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Xunit;

namespace PayloadGen.Tests.Properties;

/// <summary>The pooled serialization buffer, the stream over it, and the verifying stream hydration reads through.</summary>
public sealed class StreamProperties
{
    /// <summary>One step of a write: how many bytes, and the size hint given to GetSpan/GetMemory.</summary>
    private static readonly Gen<(int Bytes, int Hint, bool Memory)[]> WritePlan =
        Gen.Select(Gen.Frequency((3, Gen.Int[0, 300]), (2, Gen.Int[0, 20_000]), (1, Gen.Int[20_000, 70_000])), Gen.Int[0, 40_000], Gen.Bool)
            .Array[0, 14];

    private enum Op
    {
        Read,
        ReadAsync,
        ReadAsyncArray,
        SeekBegin,
        SeekCurrent,
        SeekEnd,
        SetPosition,
        CopyTo,
    }

    private static readonly Gen<(Op Op, int A)[]> StreamPlan =
        Gen.Select(Gen.Enum<Op>(), Gen.Int[-70_000, 300_000]).Array[0, 25];

    [Fact]
    public void Pooled_buffer_reproduces_the_bytes_for_any_write_chunks_and_size_hints()
        => Prop.Check(
            Gen.Select(WritePlan, Gen.Int),
            t =>
            {
                (byte[] expected, PooledByteBuffer buffer) = Fill(t.Item1, t.Item2);
                using (buffer)
                {
                    Assert.Equal(expected.Length, buffer.Length);
                    Assert.Equal(expected, buffer.WrittenSequence.ToArray());
                }
            },
            seed: 21,
            iterations: 200,
            print: t => string.Join(",", t.Item1.Select(s => $"{s.Bytes}/{s.Hint}")));

    [Fact]
    public void Sequence_stream_reads_and_seeks_like_a_memory_stream()
        => Prop.Check(
            Gen.Select(WritePlan, Gen.Int, StreamPlan),
            t =>
            {
                (byte[] expected, PooledByteBuffer buffer) = Fill(t.Item1, t.Item2);
                using var stream = new ReadOnlySequenceStream(buffer.WrittenSequence, owner: buffer);
                using var model = new MemoryStream(expected, writable: false);
                Assert.Equal(model.Length, stream.Length);
                foreach ((Op op, int a) in t.Item3)
                {
                    Apply(op, a, stream, model);
                    Assert.Equal(model.Position, stream.Position);
                }

                // Whatever happened, reading from the start gives back every byte.
                stream.Position = 0;
                var copy = new MemoryStream();
                stream.CopyTo(copy);
                Assert.Equal(expected, copy.ToArray());
            },
            seed: 22,
            iterations: 200,
            print: t => string.Join(",", t.Item1.Select(s => s.Bytes)) + " | " + string.Join(",", t.Item3.Select(s => $"{s.Op}:{s.A}")));

    private static void Apply(Op op, int a, ReadOnlySequenceStream stream, MemoryStream model)
    {
        switch (op)
        {
            case Op.Read:
            case Op.ReadAsync:
            case Op.ReadAsyncArray:
                int count = Math.Abs(a) % 50_000;
                byte[] actual = new byte[count];
                byte[] wanted = new byte[count];
                int n = op switch
                {
                    Op.Read => stream.Read(actual, 0, count),
                    // The task overload returns its last task again for the same count: never for another one.
                    Op.ReadAsyncArray => stream.ReadAsync(actual, 0, count, CancellationToken.None).GetAwaiter().GetResult(),
                    _ => stream.ReadAsync(actual.AsMemory()).AsTask().GetAwaiter().GetResult(),
                };
                int m = model.Read(wanted, 0, count);
                Assert.Equal(m, n);
                Assert.Equal(wanted, actual);
                break;
            case Op.SeekBegin:
            case Op.SeekCurrent:
            case Op.SeekEnd:
            case Op.SetPosition:
                SeekOrigin origin = op switch { Op.SeekCurrent => SeekOrigin.Current, Op.SeekEnd => SeekOrigin.End, _ => SeekOrigin.Begin };
                long target = origin switch { SeekOrigin.Current => model.Position + a, SeekOrigin.End => model.Length + a, _ => a };
                if (target < 0)
                {
                    // Before the start: both refuse, and neither moves.
                    long before = stream.Position;
                    Assert.ThrowsAny<Exception>(() => stream.Seek(a, origin));
                    Assert.Equal(before, stream.Position);
                    return;
                }

                if (op == Op.SetPosition)
                {
                    stream.Position = target;
                    model.Position = target;
                }
                else
                {
                    Assert.Equal(model.Seek(a, origin), stream.Seek(a, origin));
                }

                break;
            case Op.CopyTo:
                var into = new MemoryStream();
                var wantedCopy = new MemoryStream();
                stream.CopyToAsync(into, CancellationToken.None).GetAwaiter().GetResult();
                model.CopyTo(wantedCopy);
                Assert.Equal(wantedCopy.ToArray(), into.ToArray());
                break;
        }
    }

    private static (byte[] Expected, PooledByteBuffer Buffer) Fill((int Bytes, int Hint, bool Memory)[] plan, int seed)
    {
        var random = new Random(seed);
        var buffer = new PooledByteBuffer();
        var expected = new MemoryStream();
        foreach ((int bytes, int hint, bool memory) in plan)
        {
            int left = bytes;
            do
            {
                Span<byte> span = memory ? buffer.GetMemory(hint).Span : buffer.GetSpan(hint);
                Assert.True(span.Length >= Math.Max(hint, 1));
                int now = Math.Min(left, span.Length);
                random.NextBytes(span.Slice(0, now));
                expected.Write(span.Slice(0, now));
                buffer.Advance(now);
                left -= now;
            }
            while (left > 0);
        }

        return (expected.ToArray(), buffer);
    }

    /// <summary>How the stored object differs from what the pointer describes.</summary>
    private enum Tamper
    {
        None,
        ChangeOneByte,
        Truncate,
        Extend,
    }

    private static readonly Gen<(byte[] Content, Tamper Tamper, int Where, byte Delta, int[] Chunks, bool Async, bool LengthFromPointer)> VerifyCase =
        Gen.Select(
            Gen.Select(Gen.Byte.Array[0, 3000], Gen.Enum<Tamper>(), Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]),
            Gen.Select(Gen.Frequency((1, Gen.Int[0, 3]), (3, Gen.Int[0, 5000])).Array[1, 20], Gen.Bool, Gen.Bool))
        .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item1.Item3, t.Item1.Item4, t.Item2.Item1, t.Item2.Item2, t.Item2.Item3));

    [Fact]
    public async Task Verifying_stream_fails_every_tampered_object_and_passes_every_intact_one_for_any_read_sizes()
        => await Prop.CheckAsync(
            VerifyCase,
            async c =>
            {
                byte[] stored = c.Tamper switch
                {
                    Tamper.ChangeOneByte when c.Content.Length > 0 => ChangeByte(c.Content, c.Where % c.Content.Length, c.Delta),
                    Tamper.ChangeOneByte or Tamper.Extend => [.. c.Content, .. new byte[1 + (c.Where % 40)]],
                    Tamper.Truncate when c.Content.Length > 0 => c.Content.AsSpan(0, c.Where % c.Content.Length).ToArray(),
                    Tamper.Truncate => [c.Delta],
                    _ => c.Content,
                };
                var pointer = new PayloadPointer("bucket", "key") { Size = c.Content.Length, Sha256 = Sha256Hex.Of(c.Content) };

                // The runtime passes the length the store reported; a store that lies about it must not help.
                long expectedLength = c.LengthFromPointer ? c.Content.Length : stored.Length;
                await using var verifying = new VerifyingReadStream(new MemoryStream(stored, writable: false), pointer, expectedLength);
                Exception? error = await Record.ExceptionAsync(async () =>
                {
                    byte[] scratch = new byte[5000];
                    int chunk = 0;
                    var read = new MemoryStream();
                    while (true)
                    {
                        // Zero-length reads are allowed anywhere, but every pass over the plan reads something.
                        int size = Math.Max(c.Chunks[chunk % c.Chunks.Length], chunk % c.Chunks.Length == 0 ? 1 : 0);
                        chunk++;
                        int n = c.Async
                            ? await verifying.ReadAsync(scratch.AsMemory(0, size))
                            : verifying.Read(scratch, 0, size);
                        if (n == 0 && size > 0)
                        {
                            break;
                        }

                        read.Write(scratch, 0, n);
                    }

                    await verifying.VerifyToEndAsync(CancellationToken.None);
                    Assert.Equal(stored, read.ToArray());
                });

                if (c.Tamper == Tamper.None)
                {
                    Assert.Null(error);
                }
                else
                {
                    Assert.IsType<PayloadIntegrityException>(error);
                }
            },
            seed: 23,
            iterations: 1500,
            print: c => $"{c.Content.Length} bytes, {c.Tamper} at {c.Where}, chunks {string.Join(",", c.Chunks)}, async={c.Async}, lengthFromPointer={c.LengthFromPointer}");

    [Fact]
    public async Task Verifying_stream_without_a_hash_still_fails_on_any_length_difference()
        => await Prop.CheckAsync(
            Gen.Select(Gen.Byte.Array[0, 2000], Gen.Int[-50, 50], Gen.Int[1, 4000]),
            async t =>
            {
                (byte[] content, int difference, int chunk) = t;
                long announced = Math.Max(0, content.Length + difference);
                var pointer = new PayloadPointer("bucket", "key") { Format = PointerFormat.ExtendedClient };
                await using var verifying = new VerifyingReadStream(new MemoryStream(content), pointer, announced);
                Exception? error = await Record.ExceptionAsync(async () =>
                {
                    byte[] scratch = new byte[chunk];
                    while (await verifying.ReadAsync(scratch) > 0)
                    {
                    }

                    await verifying.VerifyToEndAsync(CancellationToken.None);
                });
                if (announced == content.Length)
                {
                    Assert.Null(error);
                }
                else
                {
                    Assert.IsType<PayloadIntegrityException>(error);
                }
            },
            seed: 24,
            iterations: 500);

    private static byte[] ChangeByte(byte[] content, int index, byte delta)
    {
        byte[] copy = (byte[])content.Clone();
        copy[index] ^= delta;
        return copy;
    }
}
