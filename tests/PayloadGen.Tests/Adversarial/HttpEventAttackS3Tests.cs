using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Http;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// What an HTTP client controls in the event API Gateway or the ALB builds: header names and values (single and
/// multi-value), query parameters, the body and whether it is base64. Only the body, as text, can be an upload pointer;
/// names and values elsewhere that spell pointer fields leave the event an event, and a base64 body is binary data
/// even when it decodes to a pointer. No S3 call either way.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class HttpEventAttackS3Tests : IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly RecordingS3 _recorder;

    public HttpEventAttackS3Tests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        (IAmazonS3 recording, _recorder) = RecordingS3.Wrap(_client);
        HttpHandlers.ClaimCheckRuntime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false }, recording);
    }

    public void Dispose()
    {
        HttpHandlers.ClaimCheckRuntime = null;
        _client.Dispose();
    }

    private static string UploadPointer => PayloadPointerWriter.ToJson(new PayloadPointer(S3rverFixture.Bucket, "payloadgen/uploads/2026/01/01/someone.json") { Size = 10, Sha256 = new string('a', 64) });

    [Theory]
    [InlineData(HttpEvents.Rest)]
    [InlineData(HttpEvents.Alb)]
    [InlineData(HttpEvents.HttpApi)]
    public async Task Headers_and_query_parameters_that_spell_a_pointer_leave_the_event_an_event(string fixture)
    {
        JsonObject request = EventFixtures.Json(fixture);
        var pointerFields = new Dictionary<string, string>
        {
            ["$payloadgen"] = "s3-pointer/1",
            ["bucket"] = S3rverFixture.ForeignBucket,
            ["key"] = "payloadgen/uploads/a.json",
            ["sha256"] = new string('a', 64),
        };
        var headers = new JsonObject();
        var multiValueHeaders = new JsonObject();
        var query = new JsonObject();
        foreach (KeyValuePair<string, string> field in pointerFields)
        {
            headers[field.Key] = field.Value;
            multiValueHeaders[field.Key] = new JsonArray(field.Value, field.Value);
            query[field.Key] = field.Value;
        }

        request["headers"] = headers;
        request["multiValueHeaders"] = multiValueHeaders;
        request["queryStringParameters"] = query;
        request["body"] = "hello";
        request["isBase64Encoded"] = false;

        JsonElement received = await DescribeAsync(fixture, EventFixtures.Stream(request));

        Assert.Equal(5, received.GetProperty("length").GetInt32());
        Assert.Equal(Sha256Of("hello"u8.ToArray()), received.GetProperty("sha256").GetString());
        Assert.Empty(_recorder.Calls);
    }

    [Theory]
    [InlineData(HttpEvents.Rest)]
    [InlineData(HttpEvents.Alb)]
    [InlineData(HttpEvents.HttpApi)]
    public async Task A_base64_body_that_decodes_to_an_upload_pointer_is_binary_data_never_followed(string fixture)
    {
        byte[] pointer = Encoding.UTF8.GetBytes(UploadPointer);

        JsonElement received = await DescribeAsync(fixture, HttpEvents.Event(fixture, new Dictionary<string, string>(), Convert.ToBase64String(pointer), isBase64Encoded: true));

        Assert.True(received.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(pointer.Length, received.GetProperty("length").GetInt32());
        Assert.Equal(Sha256Of(pointer), received.GetProperty("sha256").GetString());
        Assert.Empty(_recorder.Calls);
    }

    private static async Task<JsonElement> DescribeAsync(string fixture, MemoryStream request)
    {
        var context = new TestLambdaContext(TimeSpan.FromMinutes(1));
        await using Stream answer = fixture switch
        {
            HttpEvents.Rest => await HttpHandlers.RestDescribeUploadClaimCheck(request, context),
            HttpEvents.Alb => await HttpHandlers.AlbDescribeUploadClaimCheck(request, context),
            _ => await HttpHandlers.DescribeUploadClaimCheck(request, context),
        };
        using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
        Assert.Equal(200, proxy.RootElement.GetProperty("statusCode").GetInt32());
        return JsonDocument.Parse(proxy.RootElement.GetProperty("body").GetString()!).RootElement.Clone();
    }

    private static string Sha256Of(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
