using System;
using System.IO;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>An open stored object: its body and the length the store reported before it was read.</summary>
public sealed class StoredPayload : IAsyncDisposable, IDisposable
{
    /// <summary>Creates the handle; disposing it disposes <paramref name="content"/>.</summary>
    public StoredPayload(Stream content, long length)
    {
        Content = content;
        Length = length;
    }

    /// <summary>The object's body.</summary>
    public Stream Content { get; }

    /// <summary>The object's length in bytes, as the store reported it.</summary>
    public long Length { get; }

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    internal static void CheckLength(PayloadPointer pointer, long length, long maxBytes)
    {
        if (length > maxBytes)
        {
            throw PayloadTooLargeException.ForObject(pointer, length, maxBytes);
        }

        // A plain local, not a pattern variable: Stryker.NET cannot measure a method that declares one.
        long? expected = pointer.Size;
        if (expected is not null && expected != length)
        {
            throw new PayloadIntegrityException(pointer.Bucket, pointer.Key, $"the store holds {length:N0} bytes where the pointer announced {expected:N0}");
        }
    }
}
