namespace PayloadGen.ColdStart;

public sealed class Receipt
{
    public string Id { get; set; } = string.Empty;

    public int LineCount { get; set; }
}
