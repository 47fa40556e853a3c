using System;
using System.Buffers;

namespace PayloadGen.AspNetCore;

/// <summary>
/// How many bytes a response body takes inside the JSON response Lambda hosting sends back, which is what Lambda's
/// limit counts. Amazon.Lambda.AspNetCoreServer base64-encodes compressed bodies and binary media types (4 bytes per 3)
/// and writes other bodies as a JSON string, which Lambda's serializers escape the way
/// <c>JavaScriptEncoder.UnsafeRelaxedJsonEscaping</c> does: quotes, backslashes and control characters, and characters
/// outside the Basic Multilingual Plane (an emoji's 4 UTF-8 bytes become 12). Other text goes out as it is.
/// </summary>
internal static class LambdaBodySize
{
    // The rarer bytes that grow when escaped: other controls and DEL, and the lead bytes of 4-byte UTF-8 sequences.
    private static readonly SearchValues<byte> s_rare = SearchValues.Create(RareGrowingBytes());

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

    /// <summary>The body's length as an escaped JSON string.</summary>
    public static long Escaped(in ReadOnlySequence<byte> body)
    {
        long length = body.Length;
        foreach (ReadOnlyMemory<byte> segment in body)
        {
            ReadOnlySpan<byte> span = segment.Span;
            // The common escapes, each counted in one vectorized pass: newlines alone would otherwise stop a scan
            // every line of a CSV.
            length += span.Count((byte)'\n') + span.Count((byte)'"') + span.Count((byte)'\\') + span.Count((byte)'\r') + span.Count((byte)'\t');
            ReadOnlySpan<byte> rest = span;
            int index;
            while ((index = rest.IndexOfAny(s_rare)) >= 0)
            {
                length += Growth(rest[index]);
                rest = rest.Slice(index + 1);
            }
        }

        return length;
    }

    private static int Growth(byte b) => b switch
    {
        // \b \f
        0x08 or 0x0C => 1,
        // \u00XX
        < 0x20 or 0x7F => 5,
        // A supplementary character: 4 UTF-8 bytes become a surrogate pair, \uXXXX\uXXXX.
        _ => 8,
    };

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

    private static byte[] RareGrowingBytes()
    {
        var values = new System.Collections.Generic.List<byte> { 0x7F };
        for (int b = 0; b < 0x20; b++)
        {
            if (b is not ('\n' or '\r' or '\t'))
            {
                values.Add((byte)b);
            }
        }

        for (int b = 0xF0; b <= 0xFF; b++)
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
