using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>Generated HTTP wrappers, compiled and run: what they answer within and over the limit, and upload hydration.</summary>
public sealed class HttpCompileAndRunTests : IClassFixture<CompiledHttpFunctionsFixture>, IDisposable
{
    private readonly CompiledHttpFunctionsFixture _fixture;
    private readonly Type _functions;
    private readonly TemporaryFileStore _store = new();
    private readonly ClaimCheckRuntime _runtime;

    public HttpCompileAndRunTests(CompiledHttpFunctionsFixture fixture)
    {
        _fixture = fixture;
        _functions = fixture.Loaded.Type(CompiledHttpFunctionsFixture.FunctionsType);
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket, InlineThresholdBytes = 1_000 }, new PresigningFileStore(new FilePayloadStore(_store.Root)));
        _functions.GetProperty("ClaimCheckRuntime")!.SetValue(null, _runtime);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_response_within_the_threshold_is_what_Lambdas_serializer_writes()
    {
        byte[] answer = await InvokeAsync("RestTextClaimCheck", RestEvent(bytes: 100, status: 200));

        object response = _functions.GetMethod("Rest")!.Invoke(null, [Request("Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest", RestEvent(100, 200))])!;
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(response, response.GetType(), ClaimCheckJson.LambdaDefaultOptions), answer);
        Assert.False(Directory.Exists(_store.Root));
    }

    [Fact]
    public async Task A_response_over_the_threshold_answers_303_to_the_stored_body_keeping_CORS()
    {
        JsonElement answer = Json(await InvokeAsync("RestTextClaimCheck", RestEvent(bytes: 5_000, status: 200)));

        Assert.Equal(303, answer.GetProperty("statusCode").GetInt32());
        string location = answer.GetProperty("headers").GetProperty("Location").GetString()!;
        Assert.StartsWith(PresigningFileStore.Host, location, StringComparison.Ordinal);
        Assert.EndsWith("?expires=900", location, StringComparison.Ordinal);
        Assert.Equal("*", answer.GetProperty("headers").GetProperty("Access-Control-Allow-Origin").GetString());
        Assert.Equal("no-store", answer.GetProperty("headers").GetProperty("Cache-Control").GetString());
        Assert.False(answer.GetProperty("headers").TryGetProperty("Content-Type", out _));
        Assert.Equal(string.Empty, answer.GetProperty("body").GetString());
        string key = location.Substring(PresigningFileStore.Host.Length).Split('?')[0];
        Assert.Equal(new string('r', 5_000), File.ReadAllText(Path.Combine(_store.Root, key)));
    }

    [Fact]
    public async Task An_error_status_over_the_threshold_is_sent_as_is()
    {
        JsonElement answer = Json(await InvokeAsync("RestTextClaimCheck", RestEvent(bytes: 5_000, status: 500)));

        Assert.Equal(500, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal(5_000, answer.GetProperty("body").GetString()!.Length);
        Assert.False(Directory.Exists(_store.Root));
    }

    [Fact]
    public async Task An_explicit_Direct_source_keeps_the_pointer_format()
    {
        byte[] answer = await InvokeAsync("RestInvokedDirectlyClaimCheck", RestEvent(bytes: 5_000, status: 200));

        Assert.True(PayloadPointerReader.TryRead(answer, allowBareShape: false, out PayloadPointer? pointer));
        Assert.EndsWith(".json", pointer!.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_attributes_json_answer_and_url_lifetime_are_used()
    {
        JsonObject request = new() { ["version"] = "2.0", ["rawPath"] = "/x", ["queryStringParameters"] = new JsonObject { ["bytes"] = "5000" } };

        JsonElement answer = Json(await InvokeAsync("HttpApiJsonAnswerClaimCheck", Encoding.UTF8.GetBytes(request.ToJsonString())));

        Assert.Equal(201, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal("a=1", answer.GetProperty("cookies")[0].GetString());
        Assert.True(PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(answer.GetProperty("body").GetString()!), false, out PayloadPointer? pointer));
        Assert.EndsWith(".csv?expires=120", pointer!.Url, StringComparison.Ordinal);
        Assert.Equal("text/csv", pointer.ContentType);
    }

    [Fact]
    public async Task A_request_body_that_points_to_an_upload_is_replaced_by_the_uploaded_content()
    {
        byte[] uploaded = Encoding.UTF8.GetBytes("id,name\n1,Ann\n");
        UploadSlot slot = await _runtime.CreateUploadSlotAsync("text/csv", null, CancellationToken.None);
        string path = Path.Combine(_store.Root, slot.Bucket, slot.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, uploaded);
        string pointer = PayloadPointerWriter.ToJson(slot.PointerFor(uploaded.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(uploaded))));
        JsonObject request = new() { ["httpMethod"] = "POST", ["path"] = "/imports", ["body"] = pointer, ["isBase64Encoded"] = false };

        JsonElement answer = Json(await InvokeAsync("AlbEchoClaimCheck", Encoding.UTF8.GetBytes(request.ToJsonString())));

        Assert.Equal("text:id,name\n1,Ann\n", answer.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_pointer_outside_the_uploads_folder_is_answered_400_without_running_the_handler()
    {
        string pointer = PayloadPointerWriter.ToJson(new PayloadPointer(FilePayloadStore.DefaultBucket, "payloadgen/2026/12/06/response.json") { Size = 2, Sha256 = new string('a', 64) });
        JsonObject request = new() { ["httpMethod"] = "POST", ["path"] = "/imports", ["body"] = pointer, ["isBase64Encoded"] = false };

        JsonElement answer = Json(await InvokeAsync("AlbEchoClaimCheck", Encoding.UTF8.GetBytes(request.ToJsonString())));

        Assert.Equal(400, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal("400 Bad Request", answer.GetProperty("statusDescription").GetString());
        Assert.StartsWith("{\"message\":", answer.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_request_body_reaches_the_handler_unchanged()
    {
        JsonObject request = new() { ["httpMethod"] = "POST", ["path"] = "/imports", ["body"] = "{\"name\":\"x\"}", ["isBase64Encoded"] = false };

        JsonElement answer = Json(await InvokeAsync("AlbEchoClaimCheck", Encoding.UTF8.GetBytes(request.ToJsonString())));

        Assert.Equal("text:{\"name\":\"x\"}", answer.GetProperty("body").GetString());
        Assert.False(Directory.Exists(_store.Root));
    }

    private static byte[] RestEvent(int bytes, int status)
        => Encoding.UTF8.GetBytes(new JsonObject
        {
            ["httpMethod"] = "GET",
            ["path"] = "/reports/42",
            ["queryStringParameters"] = new JsonObject { ["bytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }.ToJsonString());

    private object Request(string typeName, byte[] json)
        => JsonSerializer.Deserialize(json, _fixture.Loaded.Type(typeName), ClaimCheckJson.LambdaDefaultOptions)!;

    private static JsonElement Json(byte[] answer) => JsonDocument.Parse(answer).RootElement.Clone();

    private Task<byte[]> InvokeAsync(string wrapper, byte[] payload) => WrapperInvocation.InvokeAsync(_fixture.Loaded, _functions, wrapper, payload);
}
