using System;
using System.Collections.Generic;
using System.Linq;

namespace PayloadGen.Benchmarks;

/// <summary>
/// How much one scenario costs more than another, from measurements taken in the same rounds: the difference is formed
/// in each round (with − without, measured back to back) and only then summarised, so that whatever slowed a whole round
/// (another process's build, a thermal or frequency change) cancels instead of landing on one side's median. The
/// summary is the median of those differences, their quartiles, and a distribution-free confidence interval for the
/// median. A difference of two medians has none of this: PayloadGen's 0.1 s on top of a 1 s SDK analysis that varies by
/// ±0.3 s between rounds came out as 1.4 % of the baseline in 5 rounds and 41.7 % in 15, with nothing to say which to trust.
/// </summary>
/// <param name="Rounds">How many paired rounds were summarised.</param>
/// <param name="Median">The median of the per-round differences.</param>
/// <param name="LowerQuartile">Their 25th percentile (linear interpolation between order statistics).</param>
/// <param name="UpperQuartile">Their 75th percentile.</param>
/// <param name="LowerBound">The lower end of the confidence interval for the median: an order statistic.</param>
/// <param name="UpperBound">The upper end of the confidence interval for the median.</param>
/// <param name="Confidence">
/// The interval's exact coverage, at least 0.95 when there are six rounds or more; below that no pair of order
/// statistics reaches 95 % and the interval is the full range, with its lower coverage (0.94 for five rounds).
/// </param>
internal sealed record PairedDifference(int Rounds, double Median, double LowerQuartile, double UpperQuartile, double LowerBound, double UpperBound, double Confidence)
{
    /// <summary>The largest number of rounds <see cref="MedianInterval"/> computes in plain doubles (2^-n stays above the smallest double).</summary>
    private const int MaxRounds = 1000;

    /// <param name="with">The costlier scenario's measurement in each round.</param>
    /// <param name="without">The other scenario's measurement in the same rounds, in the same order.</param>
    public static PairedDifference Of(IReadOnlyList<double> with, IReadOnlyList<double> without)
    {
        ArgumentNullException.ThrowIfNull(with);
        ArgumentNullException.ThrowIfNull(without);
        if (with.Count != without.Count)
        {
            throw new ArgumentException($"Paired measurements need one value per round on each side; got {with.Count} and {without.Count}.", nameof(without));
        }

        double[] differences = with.Zip(without, (w, o) => w - o).Order().ToArray();
        (int lower, int upper, double confidence) = MedianInterval(differences.Length);
        return new PairedDifference(
            differences.Length,
            Quantile(differences, 0.5),
            Quantile(differences, 0.25),
            Quantile(differences, 0.75),
            differences[lower],
            differences[upper],
            confidence);
    }

    /// <summary>This difference divided by a reference value (the baseline), for reporting as a share of it.</summary>
    public PairedDifference Over(double reference) =>
        reference > 0
            ? new PairedDifference(Rounds, Median / reference, LowerQuartile / reference, UpperQuartile / reference, LowerBound / reference, UpperBound / reference, Confidence)
            : throw new ArgumentOutOfRangeException(nameof(reference), reference, "A share needs a positive reference.");

    /// <summary>
    /// The distribution-free confidence interval for the median of <paramref name="rounds"/> values: the pair of order
    /// statistics (0-based indices <c>k</c> and <c>n − 1 − k</c>) with the largest <c>k</c> whose coverage is still at
    /// least 95 %. The true median lies below the value at index <c>k</c> only if at most <c>k</c> of the <c>n</c>
    /// values fall below it, which happens with probability P(Binomial(n, ½) ≤ k) whatever the distribution; the same
    /// holds above, so the coverage is 1 − 2·P(Binomial(n, ½) ≤ k). For 15 rounds that is indices 3 and 11, 96.5 %.
    /// </summary>
    internal static (int Lower, int Upper, double Confidence) MedianInterval(int rounds)
    {
        if (rounds is < 1 or > MaxRounds)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, $"A median interval needs 1 to {MaxRounds} values.");
        }

        // P(Binomial(n, ½) = i), built up from i = 0; cumulative[k] = P(Binomial(n, ½) ≤ k).
        double probability = Math.Pow(0.5, rounds);
        double cumulative = probability;
        int lower = 0;
        double confidence = 1 - 2 * cumulative;
        for (int k = 1; k < rounds / 2; k++)
        {
            probability *= (double)(rounds - k + 1) / k;
            cumulative += probability;
            if (1 - 2 * cumulative < 0.95)
            {
                break;
            }

            lower = k;
            confidence = 1 - 2 * cumulative;
        }

        // With one value the "interval" is that value, which covers nothing for certain.
        return (lower, rounds - 1 - lower, Math.Max(confidence, 0));
    }

    /// <summary>The <paramref name="p"/>-quantile of sorted values, interpolating linearly between neighbours (R's type 7, Excel's PERCENTILE).</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values to summarise.", nameof(sorted));
        }

        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
