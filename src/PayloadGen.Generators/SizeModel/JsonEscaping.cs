namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Bytes System.Text.Json writes for text under its default encoder (<c>JavaScriptEncoder.Default</c>): printable
/// ASCII as is except the HTML-sensitive <c>&lt; &gt; &amp; ' + `</c> and <c>"</c> (six-byte <c>\u00XX</c>),
/// <c>\</c> and the short control escapes as two bytes, everything else (control and non-ASCII) as six-byte
/// <c>\uXXXX</c> per UTF-16 unit.
/// </summary>
internal static class JsonEscaping
{
    /// <summary>The most bytes one UTF-16 unit of unknown text can take.</summary>
    public const int MaxBytesPerChar = 6;

    /// <summary>The exact bytes of <paramref name="text"/> between its quotes.</summary>
    public static long EscapedLength(string text)
    {
        long length = 0;
        foreach (char c in text)
        {
            length += EscapedLength(c);
        }

        return length;
    }

    public static int EscapedLength(char c)
    {
        if (c is '\\' or '\b' or '\f' or '\n' or '\r' or '\t')
        {
            return 2;
        }

        if (c < 0x20 || c > 0x7E || c is '"' or '<' or '>' or '&' or '\'' or '+' or '`')
        {
            return 6;
        }

        return 1;
    }

    /// <summary>A JSON string of <paramref name="minChars"/> to <paramref name="maxChars"/> unknown characters, quotes included.</summary>
    public static ByteRange StringRange(long minChars, long maxChars) =>
        new(ByteRange.Add(2, minChars), ByteRange.Add(2, ByteRange.Multiply(maxChars, MaxBytesPerChar)));

    /// <summary>A base64 JSON string of <paramref name="minBytes"/> to <paramref name="maxBytes"/> bytes, quotes included.</summary>
    public static ByteRange Base64Range(long minBytes, long maxBytes) =>
        new(2 + Base64Length(minBytes), ByteRange.Add(2, Base64Length(maxBytes)));

    private static long Base64Length(long bytes) =>
        bytes == ByteRange.Unbounded ? ByteRange.Unbounded : ByteRange.Multiply((bytes + 2) / 3, 4);
}
