using System.Collections.Generic;

namespace PayloadGen.ColdStart;

public sealed class Order
{
    public string Id { get; set; } = string.Empty;

    public List<string> Lines { get; set; } = new();
}
