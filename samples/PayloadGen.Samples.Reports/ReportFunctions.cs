using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen;

namespace Reports;

/// <summary>
/// A report builder whose requests and responses can both outgrow Lambda's 6 MB synchronous limit. With
/// <c>[ClaimCheck]</c> the deployed handler is the generated <c>BuildReportClaimCheck</c>: large requests arrive
/// as pointers to S3 and large reports leave as pointers, while small ones stay plain JSON.
/// </summary>
public partial class ReportFunctions
{
    /// <summary>
    /// The runtime the generated wrapper uses when set (tests, the demo's observer); <see langword="null"/> in a
    /// deployed function, which then uses <see cref="ClaimCheckRuntime.Default"/>, configured from the environment.
    /// </summary>
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    [ClaimCheck]
    public static async Task<Report> BuildReport(ReportRequest request, CancellationToken cancellationToken)
    {
        var report = new Report
        {
            Title = request.Title,
            SourceLineCount = request.SourceLines.Count,
            SourceCharacters = request.SourceLines.Sum(line => (long)line.Length),
        };

        for (int number = 1; number <= request.RowCount; number++)
        {
            if (number % 10_000 == 0)
            {
                // Cancelled shortly before the Lambda deadline: stop cleanly instead of being killed.
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            report.Rows.Add(new ReportRow { Number = number, Text = $"{request.Title} — row {number} of {request.RowCount}: all figures reconciled" });
        }

        return report;
    }
}
