namespace PayloadGen.ColdStart;

/// <summary>One way of running the function: the child's mode, how the table names it, and the environment it gets.</summary>
internal sealed record Variant(string Mode, string Description, (string Name, string Value)[] Environment);
