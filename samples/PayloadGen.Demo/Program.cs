using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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

// The options are read from the environment once and frozen when the runtime is created, so the observer is set
// first; the sample functions take this runtime instead of ClaimCheckRuntime.Default.
var observer = new ConsoleObserver();
ClaimCheckOptions options = ClaimCheckOptions.FromEnvironment();
options.Observer = observer;
ClaimCheckRuntime runtime = ClaimCheckRuntime.Create(options);
ReportFunctions.ClaimCheckRuntime = runtime;
OrderImportFunctions.ClaimCheckRuntime = runtime;
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

await RunQueueAsync();

await RunHttpAsync();

await RunSerializerAsync();

Console.WriteLine("Done: every stored payload above was checked (length and SHA-256) before a handler saw it.");
return 0;

async Task RunQueueAsync()
{
    Console.WriteLine("3. SQS batch: a bulk order offloaded by the sender (Java-compatible pointer), a small inline order,");
    Console.WriteLine("   and a forged pointer to someone else's bucket. Only the forged record comes back as a failure.");
    observer.Enabled = false;
    var offloader = new ClaimCheckMessageOffloader(runtime);
    var bulk = new Order { Id = "bulk-1", Customer = "Example Trading", Lines = Enumerable.Range(0, 40_000).Select(i => new OrderLine { Sku = $"SKU-{i:D6}", Quantity = 1 + (i % 5) }).ToList() };
    OutgoingMessage sent = await offloader.PrepareAsync(bulk, ClaimCheckJson.GetTypeInfo<Order>(), null, CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sender: {sent.OriginalBodyBytes:N0}-byte body {(sent.IsOffloaded ? $"stored at {sent.Pointer!.Key}; the message body is a {sent.Body.Length}-byte pointer" : "sent inline")}"));

    using MemoryStream batch = new SqsEventBuilder()
        .Add("msg-bulk", sent.Body, sent.Attributes)
        .Add("msg-small", """{"Id":"small-1","Customer":"Corner Shop","Lines":[{"Sku":"SKU-000001","Quantity":2}]}""")
        .Add("msg-forged", """["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"attacker-bucket","s3Key":"payloadgen/steal.json"}]""")
        .ToStream();
    await using Stream response = await OrderImportFunctions.ImportClaimCheck(batch);
    foreach (string imported in OrderImportFunctions.Imported)
    {
        Console.WriteLine("  imported " + imported);
    }

    Console.WriteLine("  batch response: " + await new StreamReader(response).ReadToEndAsync());
    Console.WriteLine();
}

async Task RunHttpAsync()
{
    Console.WriteLine("4. HTTP API handler exporting a 20 MB CSV: over the 6 MB API Gateway and Lambda allow, the body goes to the");
    Console.WriteLine("   store and the client gets 303 See Other; an ordinary HttpClient follows the Location to the exact bytes.");
    observer.Enabled = false;

    // The redirect needs presigned URLs. S3 has them; the embedded file store gets a loopback stand-in.
    using LoopbackPresigningStore? loopback = runtime.Store is FilePayloadStore files ? new LoopbackPresigningStore(files) : null;
    ExportFunctions.ClaimCheckRuntime = loopback is null ? runtime : new ClaimCheckRuntime(runtime.Options, loopback);

    const int Rows = 460_000;
    var request = new JsonObject
    {
        ["version"] = "2.0",
        ["routeKey"] = "GET /exports/orders.csv",
        ["rawPath"] = "/exports/orders.csv",
        ["rawQueryString"] = "rows=" + Rows.ToString(CultureInfo.InvariantCulture),
        ["headers"] = new JsonObject { ["origin"] = ExportFunctions.AllowedOrigin },
        ["queryStringParameters"] = new JsonObject { ["rows"] = Rows.ToString(CultureInfo.InvariantCulture) },
        ["requestContext"] = new JsonObject { ["http"] = new JsonObject { ["method"] = "GET", ["path"] = "/exports/orders.csv" } },
        ["isBase64Encoded"] = false,
    };
    var watch = Stopwatch.StartNew();
    await using Stream answer = await ExportFunctions.ExportCsvClaimCheck(new MemoryStream(Encoding.UTF8.GetBytes(request.ToJsonString())));
    using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
    JsonElement headers = proxy.RootElement.GetProperty("headers");
    int status = proxy.RootElement.GetProperty("statusCode").GetInt32();
    string location = headers.GetProperty("Location").GetString()!;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  function answered {status}, Location: {location[..Math.Min(location.Length, 72)]}…"));
    Console.WriteLine("  kept for the browser: access-control-allow-origin: " + headers.GetProperty("access-control-allow-origin").GetString() + "; Cache-Control: " + headers.GetProperty("Cache-Control").GetString());

    using var http = new HttpClient();
    using HttpResponseMessage followed = await http.GetAsync(new Uri(location));
    byte[] body = await followed.Content.ReadAsByteArrayAsync();
    byte[] expected = Encoding.UTF8.GetBytes(ExportFunctions.Csv(Rows));
    if (!followed.IsSuccessStatusCode || !body.AsSpan().SequenceEqual(expected))
    {
        throw new InvalidOperationException($"The CSV behind the Location did not match the handler's body ({(int)followed.StatusCode}, {body.Length:N0} bytes).");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  => HttpClient fetched {body.Length:N0} bytes ({followed.Content.Headers.ContentType}) from the Location: exactly the handler's CSV, {watch.ElapsedMilliseconds} ms"));
    Console.WriteLine();
}

// An executable handler (LambdaBootstrapBuilder.Create(handler, serializer)) or an Amazon.Lambda.Annotations function
// has no method to wrap: the function's serializer is the claim check instead. This does what the runtime does with it.
async Task RunSerializerAsync()
{
    Console.WriteLine("5. Executable handler with [ClaimCheckSerializer] ReportSerializer: the runtime's own serializer call reads the");
    Console.WriteLine("   request and writes the 20 MB report as a pointer; no wrapper anywhere.");
    observer.Enabled = false;
    var serializer = new ReportSerializer(runtime);
    var request = new ReportRequest { Title = "Serialized", RowCount = 200_000, SourceLines = ["one"] };
    using var invocation = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request));
    ReportRequest received = serializer.Deserialize<ReportRequest>(invocation);
    Report report = await ReportFunctions.BuildReport(received, CancellationToken.None);
    using var output = new MemoryStream();
    serializer.Serialize(report, output);
    output.Position = 0;
    Report? read = await client.ReadResponseAsync(output, reportJson);
    if (read is null || read.Rows.Count != request.RowCount)
    {
        throw new InvalidOperationException("The report did not survive the serializer's round trip.");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  => the serializer wrote a {output.Length:N0}-byte pointer; the caller read {read.Rows.Count:N0} rows back"));
    Console.WriteLine();
}

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
