using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;

namespace PayloadGen.Tests.Handlers;

/// <summary>An <c>IAsyncEnumerable&lt;T&gt;</c> request handler compiled by the real generator, that stops reading early.</summary>
public static partial class ExportPreviewHandlers
{
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    /// <summary>A preview: the numbers of the export's first three rows, the rest left unread by the handler.</summary>
    [ClaimCheck]
    public static async Task<List<int>> Preview(IAsyncEnumerable<ReportRow> rows, CancellationToken cancellationToken)
    {
        var numbers = new List<int>();
        await foreach (ReportRow row in rows.WithCancellation(cancellationToken))
        {
            numbers.Add(row.Number);
            if (numbers.Count == 3)
            {
                break;
            }
        }

        return numbers;
    }
}
