using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen;
using PayloadGen.Demo;
using Reports;

// PayloadGen demo: a caller and the sample Lambda function, in one process, talking through the generated
// claim-check wrapper exactly as Lambda would call it (a payload stream in, a payload stream out).
// Zero configuration: without PAYLOADGEN_STORE the embedded file store under ./.payloadgen-demo is used. Point the
// same command at S3 with PAYLOADGEN_STORE=s3 and PAYLOADGEN_BUCKET (plus AWS_ENDPOINT_URL_S3 for s3rver).
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariables.Store)))
{
    string folder = Path.Combine(Directory.GetCurrentDirectory(), ".payloadgen-demo");
    Environment.SetEnvironmentVariable(EnvironmentVariables.Store, "file:" + folder);
}

ClaimCheckRuntime runtime = ClaimCheckRuntime.Default;
runtime.Options.Observer = new ConsoleObserver();
var client = new ClaimCheckClient(runtime);
var json = ClaimCheckJson.GetTypeInfo<ReportRequest>();
var reportJson = ClaimCheckJson.GetTypeInfo<Report>();

Console.WriteLine($"PayloadGen demo — store: {runtime.Options.Store} (bucket '{runtime.Store.Bucket}'), inline threshold {runtime.InlineThreshold(PayloadSource.Direct):N0} bytes");
Console.WriteLine($"Deployed handler string: {ReportFunctions.BuildReportClaimCheckHandler}");
Console.WriteLine();

await RunAsync("1. Small request, small report: plain JSON both ways, no store call",
    new ReportRequest { Title = "Daily", RowCount = 100, SourceLines = ["one", "two"] });

await RunAsync("2. 20 MB request, 20 MB report: both travel through the store as verified pointers",
    new ReportRequest
    {
        Title = "Year-end import",
        RowCount = 200_000,
        SourceLines = Enumerable.Range(0, 200_000).Select(i => $"line {i:D6}: " + new string((char)('a' + (i % 26)), 90)).ToList(),
    });

Console.WriteLine("Done: every payload above was checked byte for byte (length and SHA-256) on the way back.");
return 0;

async Task RunAsync(string title, ReportRequest request)
{
    Console.WriteLine(title);
    var watch = Stopwatch.StartNew();
    await using Stream payload = await client.PrepareRequestAsync(request, json);
    await using Stream response = await ReportFunctions.BuildReportClaimCheck(payload);
    Report? report = await client.ReadResponseAsync(response, reportJson);
    if (report is null || report.Rows.Count != request.RowCount || report.SourceLineCount != request.SourceLines.Count)
    {
        throw new InvalidOperationException("The report did not survive the round trip.");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  => report '{report.Title}' with {report.Rows.Count:N0} rows from {report.SourceLineCount:N0} source lines, round trip {watch.ElapsedMilliseconds} ms"));
    Console.WriteLine();
}
