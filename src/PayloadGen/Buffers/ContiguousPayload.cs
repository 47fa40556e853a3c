using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// An invocation payload as one block of memory. Lambda hands a stream handler its payload already in memory:
/// a <see cref="MemoryStream"/> is used in place, anything else is read once into a pooled array.
/// </summary>
internal readonly struct ContiguousPayload : IDisposable
{
    private readonly byte[]? _rented;

    private ContiguousPayload(ReadOnlyMemory<byte> memory, byte[]? rented)
    {
        Memory = memory;
        _rented = rented;
    }

    public ReadOnlyMemory<byte> Memory { get; }

    public static async ValueTask<ContiguousPayload> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is MemoryStream memory && memory.TryGetBuffer(out ArraySegment<byte> segment))
        {
            int position = (int)memory.Position;
            int available = segment.Count - position;
            // Already in memory, so nothing is exhausted by reading it; the cap still applies, the same as on every path.
            if (available > maxBytes)
            {
                throw new PayloadTooLargeException("The inline payload", available, maxBytes);
            }

            return new ContiguousPayload(segment.AsMemory(position, available), null);
        }

        // The cap may be as large as long.MaxValue; one array can never be larger than Array.MaxLength anyway.
        long arrayCap = Math.Min(maxBytes, Array.MaxLength - 1L) + 1;
        int initial = stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 1, arrayCap) : 16 * 1024;
        byte[] rented = ArrayPool<byte>.Shared.Rent(initial);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == rented.Length)
                {
                    if (length > maxBytes)
                    {
                        throw new PayloadTooLargeException("The inline payload", length, maxBytes);
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent(rented.Length * 2);
                    rented.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = larger;
                }

                int read = await stream.ReadAsync(rented.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length > maxBytes)
            {
                throw new PayloadTooLargeException("The inline payload", length, maxBytes);
            }

            return new ContiguousPayload(rented.AsMemory(0, length), rented);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(rented);
            throw;
        }
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }
    }
}
