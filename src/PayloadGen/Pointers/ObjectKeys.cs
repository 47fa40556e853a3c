using System;
using System.Text;

namespace PayloadGen;

/// <summary>
/// What makes an object key safe to follow in every store. S3 treats keys literally, but the file store maps them
/// to paths, and a key such as <c>payloads/../../etc/passwd</c> passes a naive prefix check.
/// </summary>
internal static class ObjectKeys
{
    /// <summary>S3's limit: 1,024 bytes of the key's UTF-8 encoding (not characters: 'é' takes two, '€' three).</summary>
    public const int MaxKeyBytes = 1024;

    // Throws on a lone surrogate instead of encoding U+FFFD: such a key would name a different object than it says.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Why <paramref name="key"/> is refused, or <see langword="null"/> when it is a plain key.</summary>
    public static string? Problem(string key)
    {
        // Every UTF-16 char takes at least one UTF-8 byte, so a longer key is refused without encoding it.
        if (key.Length == 0 || key.Length > MaxKeyBytes)
        {
            return $"keys must be 1 to {MaxKeyBytes} bytes of UTF-8 long.";
        }

        int bytes;
        try
        {
            bytes = s_strictUtf8.GetByteCount(key);
        }
        catch (EncoderFallbackException)
        {
            return "keys must be valid Unicode text (no unpaired surrogates).";
        }

        if (bytes > MaxKeyBytes)
        {
            return $"keys must be 1 to {MaxKeyBytes} bytes of UTF-8 long (S3's limit), not {bytes}.";
        }

        if (key[0] == '/')
        {
            return "keys must not start with '/'.";
        }

        foreach (char c in key)
        {
            if (char.IsControl(c) || c == '\\')
            {
                return "keys must not contain control characters or backslashes.";
            }
        }

        foreach (string segment in key.Split('/'))
        {
            if (segment is "." or "..")
            {
                return "keys must not contain '.' or '..' path segments.";
            }
        }

        return null;
    }

    /// <summary>
    /// What <see cref="NewKey"/> appends to the prefix, as a fixed-length example (for checking a prefix's room); HTTP
    /// bodies end in their own extension instead of <c>.json</c>, never a longer one.
    /// </summary>
    public const string ExampleSuffix = "2026/01/01/0123456789abcdef0123456789abcdef.json";

    /// <summary>A new key under <paramref name="prefix"/>: date folders keep listings and lifecycle rules manageable.</summary>
    /// <remarks>
    /// Formatted by hand: culture-aware formatting would load ICU on a function's first call, which costs more than
    /// the rest of a small invocation's cold start (see docs/performance.md).
    /// </remarks>
    public static string NewKey(string prefix, DateTimeOffset now, string extension = ".json")
    {
        DateTime utc = now.UtcDateTime;
        return string.Create(prefix.Length + ExampleSuffix.Length - ".json".Length + extension.Length, (prefix, utc, Guid.NewGuid(), extension), static (key, state) =>
        {
            state.prefix.CopyTo(key);
            Span<char> rest = key[state.prefix.Length..];
            WriteDigits(rest[..4], state.utc.Year);
            rest[4] = '/';
            WriteDigits(rest.Slice(5, 2), state.utc.Month);
            rest[7] = '/';
            WriteDigits(rest.Slice(8, 2), state.utc.Day);
            rest[10] = '/';
            state.Item3.TryFormat(rest.Slice(11, 32), out _, "N");
            state.extension.CopyTo(rest[43..]);
        });
    }

    private static void WriteDigits(Span<char> destination, int value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
