using System;
using System.Buffers;

namespace PayloadGen.AspNetCore;

/// <summary>
/// How many bytes a response body takes inside the JSON response Lambda hosting sends back, which is what Lambda's
/// limit counts. Amazon.Lambda.AspNetCoreServer base64-encodes compressed bodies and binary media types (4 bytes per 3)
/// and writes other bodies as a JSON string, where quotes, control characters, HTML-sensitive characters and
/// non-ASCII text may be escaped. The estimate assumes the most escaping System.Text.Json's default encoder does, so
/// it is never below what goes on the wire.
/// </summary>
internal static class LambdaBodySize
{
    // What the default JavaScriptEncoder escapes among ASCII: controls, '"' and '\\' (2 bytes, or 6 as \u00XX) and
    // HTML-sensitive characters (6 bytes as \u00XX). Non-ASCII bytes are counted apart.
    private static readonly SearchValues<byte> s_escapedOrNonAscii = SearchValues.Create(EscapedOrNonAscii());

    /// <summary>The bytes <paramref name="body"/> takes in Lambda's response, at most.</summary>
    public static long Estimate(in ReadOnlySequence<byte> body, string? contentType, string? contentEncoding)
    {
        long base64 = (body.Length + 2) / 3 * 4;
        if (!string.IsNullOrEmpty(contentEncoding) && !contentEncoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return base64;
        }

        return MediaKind(contentType) switch
        {
            BodyKind.Binary => base64,
            BodyKind.Text => Escaped(body),
            // The host's table decides, and it may have been extended: assume the larger.
            _ => Math.Max(base64, Escaped(body)),
        };
    }

    /// <summary>The body's length as a JSON string with the default encoder's escaping.</summary>
    public static long Escaped(in ReadOnlySequence<byte> body)
    {
        long length = body.Length;
        foreach (ReadOnlyMemory<byte> segment in body)
        {
            ReadOnlySpan<byte> rest = segment.Span;
            int index;
            while ((index = rest.IndexOfAny(s_escapedOrNonAscii)) >= 0)
            {
                byte b = rest[index];
                // \u00XX for ASCII (6 bytes for 1); for non-ASCII, \uXXXX per UTF-16 unit is at most 3 bytes per UTF-8 byte.
                length += b < 0x80 ? 5 : 2;
                rest = rest.Slice(index + 1);
            }
        }

        return length;
    }

    private static BodyKind MediaKind(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return BodyKind.Unknown;
        }

        if (HttpMediaTypes.IsText(contentType))
        {
            return BodyKind.Text;
        }

        ReadOnlySpan<char> media = contentType.AsSpan();
        int parameters = media.IndexOf(';');
        media = (parameters >= 0 ? media.Slice(0, parameters) : media).Trim();

        // Amazon.Lambda.AspNetCoreServer's default table of types it base64-encodes.
        if (media.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/zip", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Binary;
        }

        return BodyKind.Unknown;
    }

    private static byte[] EscapedOrNonAscii()
    {
        var values = new System.Collections.Generic.List<byte>();
        for (int b = 0; b < 0x20; b++)
        {
            values.Add((byte)b);
        }

        values.AddRange("\"\\<>&'+`"u8.ToArray());
        for (int b = 0x7F; b <= 0xFF; b++)
        {
            values.Add((byte)b);
        }

        return values.ToArray();
    }

    private enum BodyKind
    {
        Unknown,
        Text,
        Binary,
    }
}
