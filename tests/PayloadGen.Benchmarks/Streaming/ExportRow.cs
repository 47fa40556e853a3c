using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>A row of an export, about 1 KB of JSON, as read from a database cursor.</summary>
public sealed class ExportRow
{
    private const string Paragraph = "Quarterly reconciliation of the north-west depot: pallets received, pallets shipped, damaged goods written off and returned to the supplier, with the carrier's reference for each movement. ";

    public long Id { get; set; }

    public string Customer { get; set; } = string.Empty;

    public string Sku { get; set; } = string.Empty;

    public string Notes { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    /// <summary>Rows whose JSON adds up to about <paramref name="bytes"/>, produced one at a time and not kept.</summary>
    public static async IAsyncEnumerable<ExportRow> StreamAsync(long bytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long count = bytes / ApproximateJsonBytes;
        for (long i = 0; i < count; i++)
        {
            if (i % 1024 == 0)
            {
                // A cursor fetches a batch now and then; the rest come from its buffer.
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return Make(i);
        }
    }

    public static List<ExportRow> List(long bytes)
    {
        long count = bytes / ApproximateJsonBytes;
        var rows = new List<ExportRow>((int)count);
        for (long i = 0; i < count; i++)
        {
            rows.Add(Make(i));
        }

        return rows;
    }

    /// <summary>The average serialized length of a row, measured once, so that sizes in megabytes come out right.</summary>
    public static readonly long ApproximateJsonBytes = MeasureAverageJsonBytes();

    private static long MeasureAverageJsonBytes()
    {
        long total = 0;
        for (long i = 0; i < 970; i++)
        {
            total += System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Make(i), ExportJsonContext.Default.ExportRow).Length + 1;
        }

        return total / 970;
    }

    private static ExportRow Make(long i) => new()
    {
        Id = i,
        Customer = "Customer " + (i % 977),
        Sku = "SKU-" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
        Notes = string.Concat(Paragraph + Paragraph + Paragraph + Paragraph, Paragraph.AsSpan(0, (int)(i % 97))),
        Quantity = (int)(i % 13) + 1,
        UnitPrice = 12.5m + i % 7,
    };
}

[JsonSerializable(typeof(ExportRow))]
[JsonSerializable(typeof(List<ExportRow>))]
[JsonSerializable(typeof(IAsyncEnumerable<ExportRow>))]
public sealed partial class ExportJsonContext : JsonSerializerContext
{
}
