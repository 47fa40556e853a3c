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

    /// <summary>A new key under <paramref name="prefix"/>: date folders keep listings and lifecycle rules manageable.</summary>
    public static string NewKey(string prefix, DateTimeOffset now)
        => $"{prefix}{now:yyyy'/'MM'/'dd}/{Guid.NewGuid():N}.json";
}
