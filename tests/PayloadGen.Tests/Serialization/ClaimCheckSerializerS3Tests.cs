using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Serialization;

/// <summary>
/// The generated claim-check serializer against a real S3 server, driven the way the Lambda runtime drives it: an
/// Amazon.Lambda.Annotations-shaped HTTP handler, a classic POCO handler and executable handlers behind a bootstrap.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class ClaimCheckSerializerS3Tests : IDisposable
{
    private const int MB = 1024 * 1024;

    private readonly AmazonS3Client _client;
    private readonly RecordingS3 _recorder;
    private readonly ClaimCheckRuntime _runtime;
    private readonly TestClaimCheckSerializer _serializer;

    public ClaimCheckSerializerS3Tests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        (IAmazonS3 recording, _recorder) = RecordingS3.Wrap(_client);
        _runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false }, recording);
        _serializer = new TestClaimCheckSerializer(_runtime);
    }

    public void Dispose() => _client.Dispose();

    private static TestLambdaContext Context => new(TimeSpan.FromMinutes(1));

    /// <summary>
    /// Annotations' generated class creates its own instance of the function's serializer (<c>serializer = new
    /// MySerializer()</c>), distinct from the one the runtime reads the event with: so do the tests.
    /// </summary>
    private ReportFunctions_GetReport_Generated AnnotationsHandler() => new(new TestClaimCheckSerializer(_runtime));

    [Fact]
    public async Task Annotations_http_handler_returning_20_MB_answers_a_redirect_to_the_exact_body_it_serialized()
    {
        var generated = AnnotationsHandler();
        byte[] invocation = ProxyEvents.HttpApiRequest("{\"Rows\":230000,\"Region\":\"eu-west-1\"}");

        byte[] answer = await LambdaRuntimeHarness.InvokeAsync<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(_serializer, invocation, generated.GetReport, Context);

        using JsonDocument response = JsonDocument.Parse(answer);
        Assert.Equal(303, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.True(answer.Length < 4_096, "the answer carries a URL, not the body");
        string location = response.RootElement.GetProperty("headers").GetProperty("Location").GetString()!;
        using var http = new HttpClient();
        byte[] stored = await http.GetByteArrayAsync(new Uri(location));
        Assert.True(stored.Length > 20 * MB);

        // The stored body is what Annotations put into Body: the method's POCO, inline, never a pointer.
        ReportRows rows = JsonSerializer.Deserialize<ReportRows>(stored)!;
        Assert.Equal("eu-west-1", rows.Region);
        Assert.Equal(230_000, rows.Rows.Count);
        Assert.Equal(ReportFunctions.GetReport(new ReportQuery { Rows = 230_000, Region = "eu-west-1" }).Rows, rows.Rows);
        Assert.DoesNotContain("payloadgen", Encoding.UTF8.GetString(stored, 0, 200), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Annotations_http_handler_reads_a_FromBody_that_is_an_upload_slot_pointer()
    {
        byte[] query = Encoding.UTF8.GetBytes("{\"Rows\":3,\"Region\":\"uploaded\"}");
        UploadSlot slot = await _runtime.CreateUploadSlotAsync("application/json", lifetime: null, CancellationToken.None);
        using (var put = new HttpClient())
        {
            using var content = new ByteArrayContent(query);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            using HttpResponseMessage uploaded = await put.PutAsync(slot.Url, content);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        string pointer = PayloadPointerWriter.ToJson(slot.PointerFor(query.Length, Convert.ToHexString(SHA256.HashData(query)).ToLowerInvariant()));
        var generated = AnnotationsHandler();

        byte[] answer = await LambdaRuntimeHarness.InvokeAsync<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(_serializer, ProxyEvents.HttpApiRequest(pointer), generated.GetReport, Context);

        APIGatewayHttpApiV2ProxyResponse response = JsonSerializer.Deserialize<APIGatewayHttpApiV2ProxyResponse>(answer)!;
        Assert.Equal(200, response.StatusCode);
        ReportRows rows = JsonSerializer.Deserialize<ReportRows>(response.Body)!;
        Assert.Equal("uploaded", rows.Region);
        Assert.Equal(3, rows.Rows.Count);
    }

    [Theory]
    [InlineData(S3rverFixture.ForeignBucket, "payloadgen/uploads/2026/12/06/a.json")]
    [InlineData(S3rverFixture.Bucket, "elsewhere/uploads/a.json")]
    [InlineData(S3rverFixture.Bucket, "payloadgen/2026/12/06/0f1e2d3c4b5a69788796a5b4c3d2e1f0.json")]
    public async Task A_forged_FromBody_pointer_is_a_400_and_no_object_is_read(string bucket, string key)
    {
        string pointer = PayloadPointerWriter.ToJson(new PayloadPointer(bucket, key) { Size = 10, Sha256 = new string('a', 64) });
        var generated = AnnotationsHandler();

        byte[] answer = await LambdaRuntimeHarness.InvokeAsync<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(_serializer, ProxyEvents.HttpApiRequest(pointer), generated.GetReport, Context);

        APIGatewayHttpApiV2ProxyResponse response = JsonSerializer.Deserialize<APIGatewayHttpApiV2ProxyResponse>(answer)!;
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("ValidationException", response.Headers["x-amzn-ErrorType"]);
        Assert.DoesNotContain(_recorder.Calls, call => call.Method.StartsWith("GetObject", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Classic_handler_with_a_20_MB_pointer_request_and_a_20_MB_response_round_trips_through_S3()
    {
        var request = new ReportQuery { Rows = 0, Region = new string('r', 20 * MB) };
        byte[] requestJson = JsonSerializer.SerializeToUtf8Bytes(request);
        PayloadPointer stored = await _runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(requestJson), CancellationToken.None);

        byte[] answer = await LambdaRuntimeHarness.InvokeAsync<ReportQuery, ReportRows>(
            _serializer,
            PayloadPointerWriter.ToUtf8(stored),
            (query, _) => new ReportRows { Region = query.Region, Rows = ["one"] },
            Context);

        Assert.True(answer.Length < 4_096, "the response is a pointer");
        Assert.True(PayloadPointerReader.TryRead(answer, allowBareShape: false, out PayloadPointer? pointer));
        ReportRows rows = (await _runtime.ReadAsync(pointer!, ClaimCheckJson.GetTypeInfo<ReportRows>(), CancellationToken.None))!;
        Assert.Equal(request.Region, rows.Region);
        Assert.Equal(["one"], rows.Rows);
    }

    [Theory]
    [InlineData(S3rverFixture.ForeignBucket, "payloadgen/2026/12/06/0f1e2d3c4b5a69788796a5b4c3d2e1f0.json", typeof(PayloadBucketNotAllowedException))]
    [InlineData(S3rverFixture.Bucket, "elsewhere/0f1e2d3c4b5a69788796a5b4c3d2e1f0.json", typeof(PayloadKeyNotAllowedException))]
    public void A_forged_request_pointer_is_refused_before_any_S3_call(string bucket, string key, Type refusal)
    {
        using var input = new System.IO.MemoryStream(PayloadPointerWriter.ToUtf8(new PayloadPointer(bucket, key) { Size = 10, Sha256 = new string('a', 64) }));

        Exception error = Assert.ThrowsAny<ClaimCheckException>(() => _serializer.Deserialize<ReportQuery>(input));

        Assert.IsType(refusal, error);
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Executable_handlers_behind_one_bootstrap_serializer_run_concurrently_without_mixing_invocations()
    {
        // LambdaBootstrapBuilder.Create(handler, serializer): one serializer instance; here several invocations at once,
        // as a test host or an executable serving more than one handler might run them.
        var generated = AnnotationsHandler();
        Task<byte[]>[] http = Enumerable.Range(0, 4).Select(i => Task.Run(() => LambdaRuntimeHarness.InvokeAsync<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
            _serializer, ProxyEvents.HttpApiRequest("{\"Rows\":" + (i + 1) + "}"), generated.GetReport, Context))).ToArray();
        Task<byte[]>[] plain = Enumerable.Range(0, 4).Select(_ => Task.Run(() => LambdaRuntimeHarness.InvokeAsync<ReportQuery, ReportRows>(
            _serializer, Encoding.UTF8.GetBytes("{\"Rows\":0,\"Region\":\"plain\"}"), async (query, _) => { await Task.Yield(); return new ReportRows { Region = query.Region, Rows = Enumerable.Repeat(new string('p', MB), 7).ToList() }; }, Context))).ToArray();

        await Task.WhenAll(http.Concat(plain));

        for (int i = 0; i < http.Length; i++)
        {
            APIGatewayHttpApiV2ProxyResponse response = JsonSerializer.Deserialize<APIGatewayHttpApiV2ProxyResponse>(await http[i])!;
            Assert.Equal(200, response.StatusCode);
            Assert.Equal(i + 1, JsonSerializer.Deserialize<ReportRows>(response.Body)!.Rows.Count);
        }

        // A 7 MB plain response is over its limit in every concurrent invocation: a pointer, never taken for an HTTP body.
        foreach (Task<byte[]> invocation in plain)
        {
            Assert.True(PayloadPointerReader.TryRead(await invocation, allowBareShape: false, out _));
        }
    }

    [Fact]
    public void Small_payloads_are_byte_for_byte_what_Lambdas_default_serializer_writes_and_touch_no_S3()
    {
        var value = new DefaultSerializerShapes
        {
            Text = "<b>Tom & Jerry's</b> café",
            Missing = null,
            XAmzId2 = "id-2",
            XAmzRequestId = "req",
            At = new DateTime(2026, 12, 6, 6, 30, 0, DateTimeKind.Utc),
        };
        using var output = new System.IO.MemoryStream();

        _serializer.Serialize(value, output);

        Assert.Equal(
            "{\"Text\":\"<b>Tom & Jerry's</b> café\",\"x-amz-id-2\":\"id-2\",\"x-amz-request-id\":\"req\",\"At\":\"2026-12-06T06:30:00Z\"}",
            Encoding.UTF8.GetString(output.ToArray()));

        using var input = new System.IO.MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"read\",\"X-AMZ-ID-2\":\"x\",\"at\":1765002600}"));
        DefaultSerializerShapes read = _serializer.Deserialize<DefaultSerializerShapes>(input);
        Assert.Equal("read", read.Text);
        Assert.Equal("x", read.XAmzId2);
        Assert.Equal(new DateTime(2025, 12, 6, 6, 30, 0, DateTimeKind.Utc), read.At);
        Assert.Empty(_recorder.Calls);
    }
}

/// <summary>Members the default serializer treats specially: relaxed escaping, omitted nulls, AWS names, dates.</summary>
public sealed class DefaultSerializerShapes
{
    public string? Text { get; set; }

    public string? Missing { get; set; }

    public string? XAmzId2 { get; set; }

    public string? XAmzRequestId { get; set; }

    public DateTime At { get; set; }
}
