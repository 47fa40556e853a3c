using System.Collections.Generic;

namespace Reports;

/// <summary>What to put in a report. Large when the caller sends many source lines.</summary>
public sealed class ReportRequest
{
    public string Title { get; set; } = string.Empty;

    /// <summary>How many rows to produce.</summary>
    public int RowCount { get; set; }

    /// <summary>Raw lines the report summarises; a big import can make this tens of megabytes.</summary>
    public List<string> SourceLines { get; set; } = new();
}
