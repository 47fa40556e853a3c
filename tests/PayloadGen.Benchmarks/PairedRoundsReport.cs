using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PayloadGen.Benchmarks;

/// <summary>
/// Summarises rounds measured outside this process (<c>csc-times.sh</c>): a tab-separated file of
/// <c>round, variant, cpu seconds, wall seconds</c>, every variant once per round. Prints each variant's median CPU time
/// and, with <see cref="PairedDifference"/>, each variant against the first (the build without PayloadGen) and each
/// variant after the second against the second (another build of PayloadGen against this one).
/// <c>dotnet run -c Release -- --paired-rounds FILE</c>.
/// </summary>
internal static class PairedRoundsReport
{
    public static void Print(string path)
    {
        var byVariant = new Dictionary<string, SortedDictionary<int, double>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (string line in File.ReadLines(path).Where(l => l.Length > 0 && char.IsDigit(l[0])))
        {
            string[] fields = line.Split('\t');
            if (fields.Length < 3)
            {
                throw new FormatException($"{path}: expected 'round<TAB>variant<TAB>cpu seconds', got '{line}'.");
            }

            int round = int.Parse(fields[0], CultureInfo.InvariantCulture);
            string variant = fields[1];
            if (!byVariant.TryGetValue(variant, out SortedDictionary<int, double>? rounds))
            {
                byVariant[variant] = rounds = [];
                order.Add(variant);
            }

            if (!rounds.TryAdd(round, double.Parse(fields[2], CultureInfo.InvariantCulture)))
            {
                throw new FormatException($"{path}: variant '{variant}' appears twice in round {round}.");
            }
        }

        if (order.Count < 2)
        {
            throw new FormatException($"{path}: needs at least two variants to compare.");
        }

        string reference = order[0];
        double referenceMedian = PairedDifference.Quantile(byVariant[reference].Values.Order().ToArray(), 0.5);
        foreach (string variant in order)
        {
            double[] sorted = byVariant[variant].Values.Order().ToArray();
            Console.WriteLine($"{variant}: CPU median {PairedDifference.Quantile(sorted, 0.5):F2} s, min {sorted[0]:F2}, max {sorted[^1]:F2} of {sorted.Length} rounds");
        }

        foreach (string variant in order.Skip(1))
        {
            PrintPair(byVariant, variant, reference, referenceMedian);
        }

        foreach (string variant in order.Skip(2))
        {
            PrintPair(byVariant, variant, order[1], referenceMedian);
        }
    }

    private static void PrintPair(Dictionary<string, SortedDictionary<int, double>> byVariant, string with, string without, double referenceMedian)
    {
        // Only the rounds both were measured in pair up.
        int[] rounds = byVariant[with].Keys.Intersect(byVariant[without].Keys).Order().ToArray();
        PairedDifference seconds = PairedDifference.Of(
            rounds.Select(r => byVariant[with][r]).ToArray(),
            rounds.Select(r => byVariant[without][r]).ToArray());
        PairedDifference share = seconds.Over(referenceMedian);
        Console.WriteLine(
            $"{with} − {without}: paired median {seconds.Median:+0.00;-0.00} s ({share.Median:+0.0%;-0.0%} of the run without PayloadGen), " +
            $"interquartile range {seconds.LowerQuartile:+0.00;-0.00} to {seconds.UpperQuartile:+0.00;-0.00} s, " +
            $"{seconds.Confidence:P1} interval of the median {seconds.LowerBound:+0.00;-0.00} to {seconds.UpperBound:+0.00;-0.00} s, {seconds.Rounds} rounds");
    }
}
