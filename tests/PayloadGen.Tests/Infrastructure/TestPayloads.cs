using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PayloadGen.Tests.Infrastructure;

public sealed class Report
{
    public string Title { get; set; } = string.Empty;

    public string? Comment { get; set; }

    public List<ReportRow> Rows { get; set; } = new();
}

public sealed class ReportRow
{
    public int Number { get; set; }

    public string Text { get; set; } = string.Empty;

    public byte[]? Attachment { get; set; }
}

/// <summary>Payloads of a chosen size, deterministic per seed.</summary>
public static class TestPayloads
{
    public static JsonTypeInfo<Report> ReportType { get; } = ClaimCheckJson.GetTypeInfo<Report>();

    /// <summary>A report whose JSON is at least <paramref name="approximateBytes"/> long.</summary>
    public static Report Report(int approximateBytes, int seed = 1)
    {
        var random = new Random(seed);
        var report = new Report { Title = $"report {seed}" };
        const int rowBytes = 64 * 1024;
        for (int written = 0, number = 0; written < approximateBytes; written += rowBytes, number++)
        {
            var attachment = new byte[rowBytes * 3 / 4];
            random.NextBytes(attachment);
            report.Rows.Add(new ReportRow { Number = number, Text = $"row \"{number}\" \u00e9\u4e2d", Attachment = attachment });
        }

        return report;
    }

    public static byte[] Utf8(Report report) => JsonSerializer.SerializeToUtf8Bytes(report, ReportType);

    /// <summary><paramref name="length"/> random bytes (a streamed upload does not care whether they are JSON).</summary>
    public static byte[] Bytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
