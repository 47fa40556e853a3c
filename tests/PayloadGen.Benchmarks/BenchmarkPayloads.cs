using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PayloadGen.Benchmarks;

public sealed class Invoice
{
    public string Id { get; set; } = string.Empty;

    public string Customer { get; set; } = string.Empty;

    public List<InvoiceLine> Lines { get; set; } = new();

    public static Invoice OfSize(int approximateBytes)
    {
        var invoice = new Invoice { Id = "inv-1", Customer = "Example Trading Ltd" };
        for (int i = 0; invoice.Lines.Count * 80 < approximateBytes; i++)
        {
            invoice.Lines.Add(new InvoiceLine { Sku = $"SKU-{i:D8}", Description = "Widget, blue, boxed", Quantity = i % 7 + 1, UnitPrice = 12.5m + i % 3 });
        }

        return invoice;
    }
}

public sealed class InvoiceLine
{
    public string Sku { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }
}

[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(IAsyncEnumerable<InvoiceLine>))]
public sealed partial class BenchmarkJsonContext : JsonSerializerContext
{
}
