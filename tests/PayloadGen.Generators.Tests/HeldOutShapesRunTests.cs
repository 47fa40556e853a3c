using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Generators.Tests.Infrastructure;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Runs one held-out handler of each family through its generated wrapper, as Lambda calls it, against a
/// <see cref="FilePayloadStore"/>: the inline answer is the JSON Lambda's serializer writes, the same answer comes back
/// as a pointer to exactly those bytes over the threshold, and a request sent as a pointer gives the same answer.
/// </summary>
public sealed class HeldOutShapesRunTests : IClassFixture<HeldOutShapesFixture>, IDisposable
{
    private const long Large = 1024 * 1024;
    private const long Tiny = 1;

    private readonly HeldOutShapesFixture _fixture;
    private readonly TemporaryFileStore _store = new();

    public HeldOutShapesRunTests(HeldOutShapesFixture fixture) => _fixture = fixture;

    public void Dispose() => _store.Dispose();

    [Theory]
    // Generic records, nested in a static class; an enum with its own string converter, DateOnly?, Guid.
    [InlineData("Layered.Orders.Handlers+Pages", "ListClaimCheck", """{"Filter":{"CustomerId":"c-1","Status":1},"PageSize":2}""",
        """{"Items":[{"Key":{"CustomerId":"c-1","OrderId":"o-1"},"Lines":[{"Sku":"sku-1","Quantity":1,"UnitPrice":1.5}],"Status":"Paid","ShipBy":"2026-12-01","CorrelationId":"00000001-0000-0000-0000-000000000000"},{"Key":{"CustomerId":"c-1","OrderId":"o-2"},"Lines":[{"Sku":"sku-2","Quantity":2,"UnitPrice":1.5}],"Status":"Paid","ShipBy":"2026-12-02","CorrelationId":"00000002-0000-0000-0000-000000000000"}]}""")]
    // A class with required and init members.
    [InlineData("Layered.Orders.Registrations", "RegisterClaimCheck", """{"Email":"a@example.com"}""", """{"Id":"00000000-0000-0000-0000-000000000000","Email":"a@example.com"}""")]
    // JSON documents, strings, bytes, dictionaries, arrays, polymorphism, nullable value types, DateOnly.
    [InlineData("Documents.JsonFunctions", "SelectClaimCheck", """{"data":{"rows":[1,2,3],"name":"x"}}""", """{"rows":[1,2,3],"name":"x"}""")]
    [InlineData("Documents.JsonFunctions", "CountPropertiesClaimCheck", """{"a":1,"b":[true],"c":{"d":null},"e":"","f":0,"g":1,"h":2,"i":3,"j":4,"k":5}""", "10")]
    [InlineData("Documents.JsonFunctions", "StampClaimCheck", """{"id":"doc-1"}""", """{"id":"doc-1","stamped":true}""")]
    [InlineData("Documents.JsonFunctions", "ShoutClaimCheck", "\"make some noise\"", "\"MAKE SOME NOISE\"")]
    [InlineData("Documents.JsonFunctions", "ReverseClaimCheck", "\"AQIDBAUGBwgJCg==\"", "\"CgkIBwYFBAMCAQ==\"")]
    [InlineData("Documents.JsonFunctions", "TotalsClaimCheck", """{"north":[1.5,2.5],"south":[]}""", """{"north":4.0,"south":0}""")]
    [InlineData("Documents.JsonFunctions", "SortClaimCheck", "[5,3,9,1,7]", "[1,3,5,7,9]")]
    [InlineData("Documents.JsonFunctions", "MeasureClaimCheck", """{"kind":"square","Side":3}""", """{"Shape":{"kind":"square","Side":3},"Area":9}""")]
    [InlineData("Documents.JsonFunctions", "ParseClaimCheck", "\"6f9619ff-8b86-d011-b42d-00c04fc964ff\"", "\"6f9619ff-8b86-d011-b42d-00c04fc964ff\"")]
    [InlineData("Documents.JsonFunctions", "NextBusinessDayClaimCheck", "\"2026-12-04\"", "\"2026-12-07\"")]
    // A source-generated JsonSerializerContext with string enums; the class's ClaimCheckJsonOptions (web, camelCase enums).
    [InlineData("Documents.JsonFunctions", "TriageClaimCheck", """{"Title":"disk full","Priority":"Urgent"}""", """[{"Title":"disk full","Priority":"Urgent"},{"Title":"disk full (follow-up)","Priority":"Low"}]""")]
    [InlineData("Documents.EnumOptionsFunctions", "EscalateClaimCheck", """{"title":"disk full","priority":"low"}""", """{"title":"disk full","priority":"urgent"}""")]
    // Sequences out (async iterator on an instance, lazy iterator, task of a list) and in.
    [InlineData("Exports.RowExports", "ExportClaimCheck", """{"Rows":3,"Table":"t"}""", """[{"Number":0,"Text":"t 0"},{"Number":1,"Text":"t 1"},{"Number":2,"Text":"t 2"}]""")]
    [InlineData("Exports.RowExports", "LazyClaimCheck", """{"Rows":2}""", """[{"Number":0,"Text":"lazy 0"},{"Number":1,"Text":"lazy 1"}]""")]
    [InlineData("Exports.RowExports", "QueryClaimCheck", """{"Rows":2}""", """[{"Number":0,"Text":"query 0"},{"Number":1,"Text":"query 1"}]""")]
    [InlineData("Exports.RowExports", "ImportClaimCheck", """[{"Number":4,"Text":"a"},{"Number":5,"Text":"b"},{"Number":6,"Text":"c"}]""", """{"Rows":3,"Sum":15}""")]
    // Nullable annotations off: oblivious types in and out.
    [InlineData("Legacy.Functions.LegacyFunctions", "RunClaimCheck", """{"Customer":"acme","Items":["a","b"]}""", """{"Customer":"acme","Count":2}""")]
    [InlineData("Legacy.Functions.LegacyFunctions", "GreetClaimCheck", "\"legacy code\"", "\"Hello legacy code\"")]
    public async Task Answers_inline_as_Lambdas_serializer_and_stored_over_the_threshold_and_reads_a_stored_request(string type, string wrapper, string request, string expected)
    {
        Type functions = _fixture.Library.Type(type);
        byte[] requestBytes = Encoding.UTF8.GetBytes(request);

        UseRuntime(functions, Large);
        byte[] inline = await InvokeAsync(functions, wrapper, requestBytes);
        Assert.Equal(expected, Encoding.UTF8.GetString(inline));
        Assert.Empty(_store.StoredObjects());

        UseRuntime(functions, Tiny);
        PayloadPointer pointer = ReadPointer(await InvokeAsync(functions, wrapper, requestBytes));
        Assert.Equal(inline, File.ReadAllBytes(_store.PathOf(pointer)));
        Assert.Equal(inline.Length, pointer.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(inline)), pointer.Sha256);

        ClaimCheckRuntime runtime = UseRuntime(functions, Large);
        PayloadPointer storedRequest = await runtime.OffloadAsync(new ReadOnlySequence<byte>(requestBytes), CancellationToken.None);
        Assert.Equal(inline, await InvokeAsync(functions, wrapper, PayloadPointerWriter.ToUtf8(storedRequest)));
    }

    [Fact]
    public async Task A_sequence_of_nullable_items_keeps_its_nulls()
    {
        Type functions = _fixture.Library.Type("Exports.RowExports");
        UseRuntime(functions, Large);

        Assert.Equal("""[{"Number":1,"Text":"one"},null]""", Encoding.UTF8.GetString(await InvokeAsync(functions, "SparseClaimCheck", [])));
    }

    [Fact]
    public async Task A_required_member_missing_from_the_request_is_a_JSON_error_naming_no_payload()
    {
        Type functions = _fixture.Library.Type("Layered.Orders.Registrations");
        UseRuntime(functions, Large);

        var error = await Assert.ThrowsAsync<PayloadJsonException>(() => InvokeAsync(functions, "RegisterClaimCheck", """{"DisplayName":"secret-name"}"""u8.ToArray()));

        Assert.DoesNotContain("secret-name", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqs_records_inline_stored_and_failing_are_settled_one_by_one()
    {
        Type functions = _fixture.Library.Type("Messaging.Consumers.OrderConsumer");
        ClaimCheckRuntime runtime = UseRuntime(functions, Large);
        var seen = (System.Collections.Generic.List<string>)functions.GetProperty("Seen")!.GetValue(null)!;
        seen.Clear();
        PayloadPointer stored = await runtime.OffloadAsync(new ReadOnlySequence<byte>("""{"OrderId":"o-stored","Total":12.5}"""u8.ToArray()), CancellationToken.None);
        string input = SqsEvents.Json(
            ("m-1", """{"OrderId":"o-inline","Total":1}"""),
            ("m-2", Encoding.UTF8.GetString(PayloadPointerWriter.ToUtf8(stored))),
            ("m-3", """{"OrderId":"o-negative","Total":-1}"""));

        string response = Encoding.UTF8.GetString(await InvokeAsync(functions, "ProcessMessageClaimCheck", Encoding.UTF8.GetBytes(input)));

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m-3"}]}""", response);
        Assert.Equal(["o-inline", "o-stored"], seen.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Http_api_export_goes_out_unchanged_within_the_limit_and_as_303_over_it()
    {
        Type functions = _fixture.Library.Type("Web.Api.ExportFunctions");
        var runtime = new ClaimCheckRuntime(
            new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket, InlineThresholdBytes = 1_000 },
            new PresigningFileStore(new FilePayloadStore(_store.Root)));
        functions.GetProperty("ClaimCheckRuntime")!.SetValue(null, runtime);

        JsonElement small = JsonDocument.Parse(await InvokeAsync(functions, "ExportCsvClaimCheck", HttpApiEvent(rows: 2))).RootElement;
        Assert.Equal(200, small.GetProperty("statusCode").GetInt32());
        Assert.Equal("0,row 0\n1,row 1\n", small.GetProperty("body").GetString());

        JsonElement large = JsonDocument.Parse(await InvokeAsync(functions, "ExportCsvClaimCheck", HttpApiEvent(rows: 500))).RootElement;
        Assert.Equal(303, large.GetProperty("statusCode").GetInt32());
        Assert.Equal("https://app.example.com", large.GetProperty("headers").GetProperty("access-control-allow-origin").GetString());
        string location = large.GetProperty("headers").GetProperty("Location").GetString()!;
        string key = location.Substring(PresigningFileStore.Host.Length).Split('?')[0];
        Assert.Equal(string.Concat(Enumerable.Range(0, 500).Select(i => i + ",row " + i + "\n")), File.ReadAllText(Path.Combine(_store.Root, key)));
    }

    [Fact]
    public async Task The_executables_Program_handler_runs_through_its_wrapper()
    {
        Type program = _fixture.Executable.Type("Program");
        Assert.Equal(TestCompilation.AssemblyName + "::Program::ConvertClaimCheck", program.GetField("ConvertClaimCheckHandler")!.GetRawConstantValue());

        // Program declares no ClaimCheckRuntime: the default runtime, which an inline answer never needs configured.
        byte[] answer = await WrapperInvocation.InvokeAsync(_fixture.Executable, program, "ConvertClaimCheck", """{"From":"EUR","To":"USD","Amount":21}"""u8.ToArray());

        Assert.Equal("""{"From":"EUR","To":"USD","Amount":42}""", Encoding.UTF8.GetString(answer));
    }

    [Theory]
    [InlineData("Generality.Shapes.Über", "ÜberweiseClaimCheck", """{"Iban":"DE00","Amount":{"Amount":12.5,"Currency":"EUR"}}""", """{"Amount":12.5,"Currency":"EUR"}""")]
    [InlineData("Generality.Shapes.PricingFunctions", "ConvertClaimCheck", """{"Amount":3,"Currency":"USD"}""", """{"Amount":3,"Currency":"EUR"}""")]
    [InlineData("Generality.Shapes.Contexts", "SplitClaimCheck", """{"Amount":{"Amount":10,"Currency":"EUR"},"From":"a","To":"b"}""", """[{"Amount":5,"Currency":"EUR"},{"Amount":5,"Currency":"EUR"}]""")]
    [InlineData("Generality.Shapes.Collections", "CountClaimCheck", """["a","b","a"]""", """[{"Key":"a","Value":2},{"Key":"b","Value":1}]""")]
    [InlineData("Generality.Shapes.Collections", "CopyClaimCheck", "\"AQID\"", "\"AQID\"")]
    [InlineData("Generality.Shapes.Collections", "PlanClaimCheck", "\"x\"", """{"Every":"00:05:00","Since":"1970-01-01T00:00:00+00:00","Target":"https://example.com/x"}""")]
    [InlineData("Generality.Shapes.Collections", "SumClaimCheck", "[1,2,3]", "6")]
    [InlineData("Generality.Shapes.Collections", "DescribeClaimCheck", "null", "\"none\"")]
    [InlineData("Generality.Shapes.Collections", "MeasureClaimCheck", "\"abc\"", "{}")]
    [InlineData("Generality.Shapes.Collections", "IndexClaimCheck", """[{"Amount":1,"Currency":"EUR"}]""", """{"00000000-0000-0000-0000-000000000000":{"Amount":1,"Currency":"EUR"}}""")]
    [InlineData("Generality.Shapes.Collections", "EnableClaimCheck", "2", "3")]
    [InlineData("Generality.Shapes.Outer+Hidden", "SameClaimCheck", """{"Amount":1,"Currency":"EUR"}""", """{"Amount":1,"Currency":"EUR"}""")]
    public async Task Second_round_handlers_answer_inline_as_Lambdas_serializer(string type, string wrapper, string request, string expected)
    {
        // These classes declare no ClaimCheckRuntime: the default runtime, which an inline answer never needs configured.
        byte[] answer = await WrapperInvocation.InvokeAsync(_fixture.Second, _fixture.Second.Type(type), wrapper, Encoding.UTF8.GetBytes(request));

        Assert.Equal(expected, Encoding.UTF8.GetString(answer));
    }

    [Fact]
    public async Task A_polymorphic_request_without_its_discriminator_fails_as_a_redacted_JSON_error()
    {
        Type functions = _fixture.Library.Type("Documents.JsonFunctions");
        UseRuntime(functions, Large);

        var error = await Assert.ThrowsAsync<PayloadJsonException>(() => InvokeAsync(functions, "MeasureClaimCheck", """{"Side":3}"""u8.ToArray()));

        Assert.Equal("Documents.Shape", error.TargetType.FullName);
    }

    [Fact]
    public void The_Native_AOT_executables_claim_check_serializer_reads_and_writes_as_Lambdas_over_its_generated_context()
    {
        // Written before the first run: the serializer reads names case-insensitively and writes them as declared with
        // nulls omitted (Lambda's defaults applied to the context's metadata, README "Annotations and executable
        // handlers"), through the metadata System.Text.Json's generator wrote, on the default runtime (inline).
        Type serializerType = _fixture.NativeAot.Type("FunctionSerializer");
        object serializer = Activator.CreateInstance(serializerType)!;
        Type order = _fixture.NativeAot.Type("Order");
        Type receipt = _fixture.NativeAot.Type("Receipt");
        Type contract = serializerType.GetInterfaces().Single(i => i.FullName == "Amazon.Lambda.Core.ILambdaSerializer");

        using var input = new MemoryStream("""{"orderid":"o-7","LINES":["a","b"],"note":null}"""u8.ToArray());
        object request = contract.GetMethod("Deserialize")!.MakeGenericMethod(order).Invoke(serializer, [input])!;
        object response = Activator.CreateInstance(receipt)!;
        receipt.GetProperty("OrderId")!.SetValue(response, order.GetProperty("OrderId")!.GetValue(request));
        receipt.GetProperty("LineCount")!.SetValue(response, ((System.Collections.IList)order.GetProperty("Lines")!.GetValue(request)!).Count);
        using var output = new MemoryStream();
        contract.GetMethod("Serialize")!.MakeGenericMethod(receipt).Invoke(serializer, [response, output]);

        Assert.Equal("""{"OrderId":"o-7","LineCount":2}""", Encoding.UTF8.GetString(output.ToArray()));
    }

    private ClaimCheckRuntime UseRuntime(Type functions, long inlineThresholdBytes)
    {
        var runtime = new ClaimCheckRuntime(
            new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket, InlineThresholdBytes = inlineThresholdBytes },
            new FilePayloadStore(_store.Root, partSizeBytes: 64 * 1024));
        functions.GetProperty("ClaimCheckRuntime")!.SetValue(null, runtime);
        return runtime;
    }

    private Task<byte[]> InvokeAsync(Type functions, string wrapper, byte[] payload)
        => WrapperInvocation.InvokeAsync(_fixture.Library, functions, wrapper, payload);

    private static PayloadPointer ReadPointer(byte[] response)
    {
        Assert.True(PayloadPointerReader.TryRead(response, allowBareShape: false, out PayloadPointer? pointer), "Expected a pointer, got " + Encoding.UTF8.GetString(response));
        return pointer!;
    }

    private static byte[] HttpApiEvent(int rows) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["version"] = "2.0",
        ["routeKey"] = "GET /export",
        ["rawPath"] = "/export",
        ["rawQueryString"] = "rows=" + rows,
        ["queryStringParameters"] = new JsonObject { ["rows"] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["headers"] = new JsonObject { ["accept"] = "text/csv" },
        ["isBase64Encoded"] = false,
    }.ToJsonString());
}
