using System;
using System.Buffers;
using System.Security.Cryptography;

namespace PayloadGen;

/// <summary>SHA-256 in the lower-case hexadecimal form pointers carry.</summary>
internal static class Sha256Hex
{
    public static bool IsValid(string value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static string Of(in ReadOnlySequence<byte> content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (ReadOnlyMemory<byte> segment in content)
        {
            hash.AppendData(segment.Span);
        }

        return Format(hash);
    }

    public static string Of(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(content, digest);
        return Convert.ToHexString(digest).ToLowerInvariant();
    }

    public static string Format(IncrementalHash hash)
    {
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexString(digest).ToLowerInvariant();
    }

    public static string ToBase64(string hex) => Convert.ToBase64String(Convert.FromHexString(hex));
}
