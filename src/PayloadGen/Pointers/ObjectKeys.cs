using System;

namespace PayloadGen;

/// <summary>
/// What makes an object key safe to follow in every store. S3 treats keys literally, but the file store maps them
/// to paths, and a key such as <c>payloads/../../etc/passwd</c> passes a naive prefix check.
/// </summary>
internal static class ObjectKeys
{
    private const int MaxKeyLength = 1024;

    /// <summary>Why <paramref name="key"/> is refused, or <see langword="null"/> when it is a plain key.</summary>
    public static string? Problem(string key)
    {
        if (key.Length == 0 || key.Length > MaxKeyLength)
        {
            return $"keys must be 1 to {MaxKeyLength} characters long.";
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
    public static string NewKey(string prefix, DateTimeOffset now, string extension = ".json")
        => $"{prefix}{now:yyyy'/'MM'/'dd}/{Guid.NewGuid():N}{extension}";
}
