using System.Collections.Generic;

namespace Reports;

/// <summary>An order to import; a bulk order with thousands of lines outgrows an SQS message.</summary>
public sealed class Order
{
    public string Id { get; set; } = string.Empty;

    public string Customer { get; set; } = string.Empty;

    public List<OrderLine> Lines { get; set; } = new();
}

public sealed class OrderLine
{
    public string Sku { get; set; } = string.Empty;

    public int Quantity { get; set; }
}
