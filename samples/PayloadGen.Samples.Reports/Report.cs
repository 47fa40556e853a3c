using System.Collections.Generic;

namespace Reports;

/// <summary>The finished report. One row per requested row, each with its rendered text.</summary>
public sealed class Report
{
    public string Title { get; set; } = string.Empty;

    public int SourceLineCount { get; set; }

    public long SourceCharacters { get; set; }

    public List<ReportRow> Rows { get; set; } = new();
}

public sealed class ReportRow
{
    public int Number { get; set; }

    public string Text { get; set; } = string.Empty;
}
