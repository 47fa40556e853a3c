using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Amazon.Lambda.APIGatewayEvents;
using PayloadGen;

namespace Reports;

/// <summary>
/// An HTTP API (or function URL) handler exporting orders as CSV. A small export goes out as it always did; a large
/// one (over 6 MB, which API Gateway and Lambda would refuse) is stored in S3 and the client is redirected to it with
/// <c>303 See Other</c>, keeping the CORS header so a browser follows. Deploy <see cref="ExportCsvClaimCheckHandler"/>.
/// </summary>
public static partial class ExportFunctions
{
    /// <summary>The browser origin allowed to call the export.</summary>
    public const string AllowedOrigin = "https://reports.example.com";

    /// <summary>The runtime the demo injects; <see langword="null"/> uses <see cref="ClaimCheckRuntime.Default"/>.</summary>
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    /// <summary><c>GET /exports/orders.csv?rows=N</c>.</summary>
    [ClaimCheck]
    public static APIGatewayHttpApiV2ProxyResponse ExportCsv(APIGatewayHttpApiV2ProxyRequest request)
    {
        int rows = request.QueryStringParameters is { } query && query.TryGetValue("rows", out string? value)
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : 100;
        return new APIGatewayHttpApiV2ProxyResponse
        {
            StatusCode = 200,
            Headers = new Dictionary<string, string>
            {
                ["content-type"] = "text/csv; charset=utf-8",
                ["content-disposition"] = "attachment; filename=\"orders.csv\"",
                ["access-control-allow-origin"] = AllowedOrigin,
            },
            Body = Csv(rows),
        };
    }

    /// <summary>The export's CSV: a header and one line per order.</summary>
    public static string Csv(int rows)
    {
        var csv = new StringBuilder(rows * 64);
        csv.Append("order,customer,sku,quantity,amount\n");
        for (int i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i:D8},\"Customer {i % 977}, Ltd.\",SKU-{i % 10_000:D5},{1 + (i % 9)},{(i % 100_000) / 100.0:F2}\n");
        }

        return csv.ToString();
    }
}
