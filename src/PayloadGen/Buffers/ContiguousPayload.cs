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

    /// <summary>
    /// The rest of <paramref name="stream"/> without awaiting, when it is a <see cref="MemoryStream"/> (what Lambda
    /// hands a stream handler): in place when its buffer is exposed, else copied once into a pooled array.
    /// <see langword="false"/> for any other stream, which <see cref="ReadAsync"/> reads.
    /// </summary>
    /// <exception cref="PayloadTooLargeException">The payload is larger than <paramref name="maxBytes"/>.</exception>
    public static bool TryReadInMemory(Stream stream, long maxBytes, out ContiguousPayload payload)
    {
        payload = default;
        if (stream is not MemoryStream memoryStream)
        {
            return false;
        }

        int position = (int)memoryStream.Position;
        int available = (int)memoryStream.Length - position;
        // Already in memory, so nothing is exhausted by reading it; the cap still applies, the same as on every path.
        if (available > maxBytes)
        {
            throw new PayloadTooLargeException("The inline payload", available, maxBytes);
        }

        if (memoryStream.TryGetBuffer(out ArraySegment<byte> segment))
        {
            payload = new ContiguousPayload(segment.AsMemory(position, available), null);
            return true;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(available, 1));
        memoryStream.ReadExactly(rented, 0, available);
        payload = new ContiguousPayload(rented.AsMemory(0, available), rented);
        return true;
    }

    public static async ValueTask<ContiguousPayload> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (TryReadInMemory(stream, maxBytes, out ContiguousPayload inMemory))
        {
            return inMemory;
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
