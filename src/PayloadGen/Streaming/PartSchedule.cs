using System;

namespace PayloadGen;

/// <summary>
/// The size of each part of a streamed upload, whose total length nobody knows in advance: the store's part size
/// for the first <see cref="PartsPerStep"/> parts, doubling every <see cref="PartsPerStep"/> parts after that (up to
/// <see cref="MaxPartBytes"/>). Small parts keep the memory of an ordinary large response small (4 × 5 MiB in flight
/// for a 1 GB export), and growing ones keep even a multi-terabyte payload within S3's 10,000 parts.
/// </summary>
/// <remarks>
/// With S3's minimum of 5 MiB: parts 1–1,000 hold the first 4.9 GiB, 10,000 parts about 4.4 TiB — more than a
/// Lambda function can upload in its 15 minutes (that would take 5 GB/s). Memory grows only past 4.9 GiB: then
/// every part in flight is 10 MiB, past 14.6 GiB 20 MiB, and so on.
/// </remarks>
internal static class PartSchedule
{
    /// <summary>How many parts keep a size before it doubles.</summary>
    public const int PartsPerStep = 1_000;

    /// <summary>The largest part: one span of native memory (and under S3's 5 GiB limit on a part).</summary>
    public const int MaxPartBytes = 2047 * 1024 * 1024;

    /// <summary>The size of part <paramref name="partNumber"/> (from 1) when the first part has <paramref name="firstPartBytes"/>.</summary>
    public static int SizeOf(int partNumber, long firstPartBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partNumber);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(firstPartBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstPartBytes, MaxPartBytes);
        // Under 2^31 shifted by at most 31 stays under 2^62: no overflow before the cap.
        int doublings = Math.Min((partNumber - 1) / PartsPerStep, 31);
        return (int)Math.Min(firstPartBytes << doublings, MaxPartBytes);
    }

    /// <summary>How many bytes the first <paramref name="partCount"/> parts hold together.</summary>
    public static long CapacityOf(int partCount, long firstPartBytes)
    {
        long total = 0;
        for (int step = 0; step * PartsPerStep < partCount; step++)
        {
            int parts = Math.Min(PartsPerStep, partCount - step * PartsPerStep);
            total += (long)parts * SizeOf(step * PartsPerStep + 1, firstPartBytes);
        }

        return total;
    }
}
