using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// The one place payloads are serialized: once, into pooled segments, with the writer settings the type's
/// <see cref="JsonSerializerOptions"/> ask for (<see cref="JsonWriterCache"/>).
/// </summary>
internal static class PooledJsonSerializer
{
    /// <summary>Serializes <paramref name="value"/>; the caller owns (and disposes) the returned buffer.</summary>
    public static PooledByteBuffer Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
        => SerializeInto(value, typeInfo, new PooledByteBuffer());

    /// <summary>
    /// Serializes <paramref name="value"/> synchronously — System.Text.Json's fastest path, which its asynchronous
    /// serializer gives up for payloads past a few kilobytes — and stops as soon as the JSON is longer than
    /// <paramref name="maxBytes"/>: returns the buffer (the caller owns it), or <see langword="null"/> when the value
    /// does not fit. Only for values that can be serialized twice: not for lazy sequences, which would be
    /// enumerated again.
    /// </summary>
    public static PooledByteBuffer? TrySerializeWithin<T>(T value, JsonTypeInfo<T> typeInfo, long maxBytes)
    {
        PooledByteBuffer buffer;
        try
        {
            buffer = SerializeInto(value, typeInfo, new PooledByteBuffer(maxBytes));
        }
        catch (BufferCapExceededException)
        {
            return null;
        }

        // The last bytes may pass the cap without asking for more memory.
        if (buffer.IsOverCap)
        {
            buffer.Dispose();
            return null;
        }

        return buffer;
    }

    private static PooledByteBuffer SerializeInto<T>(T value, JsonTypeInfo<T> typeInfo, PooledByteBuffer buffer)
    {
        try
        {
            JsonSerializerOptions options = typeInfo.Options;
            Utf8JsonWriter writer = JsonWriterCache.Rent(options, buffer);
            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.Flush();
            // Only after a whole payload: a writer the serializer threw from is left to the garbage collector.
            JsonWriterCache.Return(options, writer);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Serializes <paramref name="value"/> into <paramref name="destination"/> as it goes, awaiting the stream between
    /// chunks: the way to write a payload of any size, including an <c>IAsyncEnumerable&lt;T&gt;</c>. The serializer
    /// builds its writer from the same options (encoder, indentation, depth), so the bytes equal <see cref="Serialize"/>'s.
    /// </summary>
    public static Task SerializeAsync<T>(Stream destination, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        => JsonSerializer.SerializeAsync(destination, value, typeInfo, cancellationToken);
}
