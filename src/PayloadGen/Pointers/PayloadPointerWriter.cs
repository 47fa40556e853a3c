using System;
using System.Buffers;
using System.IO;
using System.Text.Json;

namespace PayloadGen;

/// <summary>Writes pointers in the PayloadGen format, or in the Java/Python extended-client format for interop.</summary>
public static class PayloadPointerWriter
{
    /// <summary>Writes <paramref name="pointer"/> as a PayloadGen pointer.</summary>
    /// <exception cref="ArgumentException">The pointer lacks the size or SHA-256 every PayloadGen pointer carries.</exception>
    public static void Write(Utf8JsonWriter writer, PayloadPointer pointer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pointer);
        if (pointer.Size is not long size || pointer.Sha256 is null)
        {
            throw new ArgumentException("A PayloadGen pointer must carry Size and Sha256.", nameof(pointer));
        }

        writer.WriteStartObject();
        writer.WriteString(PointerWireNames.Marker, PointerWireNames.MarkerValue);
        writer.WriteString(PointerWireNames.Bucket, pointer.Bucket);
        writer.WriteString(PointerWireNames.Key, pointer.Key);
        writer.WriteNumber(PointerWireNames.Size, size);
        writer.WriteString(PointerWireNames.Sha256, pointer.Sha256);
        if (pointer.VersionId is not null)
        {
            writer.WriteString(PointerWireNames.VersionId, pointer.VersionId);
        }

        if (pointer.ContentType is not null)
        {
            writer.WriteString(PointerWireNames.ContentType, pointer.ContentType);
        }

        if (pointer.Url is not null)
        {
            writer.WriteString(PointerWireNames.Url, pointer.Url);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes <paramref name="pointer"/> as the extended clients write it
    /// (<c>["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":…,"s3Key":…}]</c>), so Java and
    /// Python consumers can read it. This format carries no integrity data.
    /// </summary>
    public static void WriteExtendedClient(Utf8JsonWriter writer, PayloadPointer pointer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pointer);
        writer.WriteStartArray();
        writer.WriteStringValue(PointerWireNames.ExtendedClientClass);
        writer.WriteStartObject();
        writer.WriteString(PointerWireNames.ExtendedClientBucket, pointer.Bucket);
        writer.WriteString(PointerWireNames.ExtendedClientKey, pointer.Key);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    /// <summary>The pointer as UTF-8 JSON in the given format.</summary>
    public static byte[] ToUtf8(PayloadPointer pointer, PointerFormat format = PointerFormat.PayloadGen)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (format == PointerFormat.ExtendedClient)
            {
                WriteExtendedClient(writer, pointer);
            }
            else if (format == PointerFormat.PayloadGen)
            {
                Write(writer, pointer);
            }
            else
            {
                throw new ArgumentOutOfRangeException(nameof(format), format, "PayloadGen never writes the bare pointer shape: it carries no integrity data and is ambiguous.");
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The pointer as a JSON string in the given format.</summary>
    public static string ToJson(PayloadPointer pointer, PointerFormat format = PointerFormat.PayloadGen)
        => System.Text.Encoding.UTF8.GetString(ToUtf8(pointer, format));

    internal static Stream ToStream(PayloadPointer pointer)
        => new MemoryStream(ToUtf8(pointer), writable: false);
}
