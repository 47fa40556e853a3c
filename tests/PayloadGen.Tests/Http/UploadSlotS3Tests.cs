using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Http;

/// <summary>
/// Upload slots on a real S3 server: a client uploads a body too large for Lambda with a presigned PUT, sends the
/// pointer, and the handler receives the body; forged pointers are refused before any S3 call.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class UploadSlotS3Tests : IDisposable
{
    private const int MB = 1024 * 1024;

    private readonly S3rverFixture _s3;
    private readonly AmazonS3Client _client;
    private readonly RecordingS3 _recorder;
    private readonly ClaimCheckRuntime _runtime;
    private readonly RefusalObserver _refusals = new();

    public UploadSlotS3Tests(S3rverFixture s3)
    {
        _s3 = s3;
        _client = s3.CreateClient();
        (IAmazonS3 recording, _recorder) = RecordingS3.Wrap(_client);
        _runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false, MaxPayloadBytes = 32 * MB, Observer = _refusals }, recording);
        HttpHandlers.ClaimCheckRuntime = _runtime;
    }

    public void Dispose()
    {
        HttpHandlers.ClaimCheckRuntime = null;
        _client.Dispose();
    }

    private static TestLambdaContext Context => new(TimeSpan.FromMinutes(1));

    [Fact]
    public async Task A_20_MB_csv_uploaded_to_a_slot_reaches_the_http_api_handler_as_text()
    {
        byte[] csv = Encoding.UTF8.GetBytes(HttpBodies.Csv(20 * MB));
        UploadSlot slot = await _runtime.CreateUploadSlotAsync("text/csv", lifetime: null, CancellationToken.None);
        Assert.StartsWith("payloadgen/uploads/", slot.Key, StringComparison.Ordinal);
        PresignedLifetime.AssertSignedFor(slot.Url.Query, 900);

        await UploadAsync(slot, csv);
        string pointer = PayloadPointerWriter.ToJson(slot.PointerFor(csv.Length, Convert.ToHexString(SHA256.HashData(csv))));
        await using Stream answer = await HttpHandlers.DescribeUploadClaimCheck(HttpEvents.Event(HttpEvents.HttpApi, new Dictionary<string, string>(), pointer), Context);

        JsonElement received = await ReceivedAsync(answer);
        Assert.Equal(csv.Length, received.GetProperty("length").GetInt32());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(csv)).ToLowerInvariant(), received.GetProperty("sha256").GetString());
        Assert.False(received.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task A_binary_upload_reaches_the_rest_handler_base64_encoded()
    {
        byte[] binary = HttpBodies.Binary(7 * MB);
        UploadSlot slot = await _runtime.CreateUploadSlotAsync("application/octet-stream", TimeSpan.FromMinutes(5), CancellationToken.None);

        await UploadAsync(slot, binary);
        string pointer = PayloadPointerWriter.ToJson(slot.PointerFor(binary.Length, Convert.ToHexString(SHA256.HashData(binary))));
        await using Stream answer = await HttpHandlers.RestDescribeUploadClaimCheck(HttpEvents.Event(HttpEvents.Rest, new Dictionary<string, string>(), pointer), Context);

        JsonElement received = await ReceivedAsync(answer);
        Assert.Equal(binary.Length, received.GetProperty("length").GetInt32());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(binary)).ToLowerInvariant(), received.GetProperty("sha256").GetString());
        Assert.True(received.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task A_json_upload_reaches_the_alb_handler_and_the_slot_json_tells_the_client_what_to_send()
    {
        byte[] json = Encoding.UTF8.GetBytes(HttpBodies.Json(2 * MB));
        UploadSlot slot = await _runtime.CreateUploadSlotAsync("application/json", lifetime: null, CancellationToken.None);
        using JsonDocument offered = JsonDocument.Parse(slot.ToJson());
        Assert.Equal("PUT", offered.RootElement.GetProperty("method").GetString());
        Assert.Equal("application/json", offered.RootElement.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(32 * MB, offered.RootElement.GetProperty("maxBytes").GetInt64());

        // The client completes the offered pointer with what it uploaded, as a browser would.
        using (var put = new HttpClient())
        {
            using var content = new ByteArrayContent(json);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(offered.RootElement.GetProperty("headers").GetProperty("Content-Type").GetString()!);
            using HttpResponseMessage uploaded = await put.PutAsync(new Uri(offered.RootElement.GetProperty("url").GetString()!), content);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        var pointer = System.Text.Json.Nodes.JsonNode.Parse(offered.RootElement.GetProperty("pointer").GetRawText())!.AsObject();
        pointer["size"] = json.Length;
        pointer["sha256"] = Convert.ToHexString(SHA256.HashData(json)).ToLowerInvariant();
        await using Stream answer = await HttpHandlers.AlbDescribeUploadClaimCheck(HttpEvents.Event(HttpEvents.Alb, new Dictionary<string, string>(), pointer.ToJsonString()), Context);

        JsonElement received = await ReceivedAsync(answer);
        Assert.Equal(json.Length, received.GetProperty("length").GetInt32());
        Assert.False(received.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task The_slots_content_type_is_part_of_the_signature()
    {
        // Real S3 then refuses an upload with another Content-Type (SignatureDoesNotMatch). s3rver does not verify
        // SigV4 signatures at all, so what can be checked here is that the header is signed.
        UploadSlot slot = await _runtime.CreateUploadSlotAsync("text/csv", lifetime: null, CancellationToken.None);

        string signedHeaders = Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(slot.Url.Query)["X-Amz-SignedHeaders"]!);
        Assert.Contains("content-type", signedHeaders.Split(';'));
        Assert.Equal("text/csv", slot.Headers["Content-Type"]);
    }

    [Fact]
    public async Task A_slot_signs_and_asks_for_the_encryption_and_tags_every_object_gets()
    {
        ClaimCheckRuntime encrypted = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false, ServerSideEncryption = PayloadEncryption.S3Managed }, _client);
        HttpHandlers.ClaimCheckRuntime = encrypted;
        byte[] csv = Encoding.UTF8.GetBytes(HttpBodies.Csv(100_000));

        UploadSlot slot = await encrypted.CreateUploadSlotAsync("text/csv", lifetime: null, CancellationToken.None);

        Assert.Equal("AES256", slot.Headers["x-amz-server-side-encryption"]);
        Assert.Contains("direction=request", slot.Headers["x-amz-tagging"], StringComparison.Ordinal);
        string[] signed = Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(slot.Url.Query)["X-Amz-SignedHeaders"]!).Split(';');
        Assert.Contains("x-amz-server-side-encryption", signed);
        Assert.Contains("x-amz-tagging", signed);

        await UploadAsync(slot, csv);
        string pointer = PayloadPointerWriter.ToJson(slot.PointerFor(csv.Length, Convert.ToHexString(SHA256.HashData(csv))));
        await using Stream answer = await HttpHandlers.DescribeUploadClaimCheck(HttpEvents.Event(HttpEvents.HttpApi, new Dictionary<string, string>(), pointer), Context);
        Assert.Equal(csv.Length, (await ReceivedAsync(answer)).GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task A_tampered_upload_fails_its_SHA256_check_and_the_client_gets_400_without_the_handler_running()
    {
        byte[] csv = Encoding.UTF8.GetBytes(HttpBodies.Csv(64 * 1024));
        UploadSlot slot = await _runtime.CreateUploadSlotAsync("text/csv", lifetime: null, CancellationToken.None);
        await UploadAsync(slot, csv);
        csv[100] ^= 1;
        string pointer = PayloadPointerWriter.ToJson(slot.PointerFor(csv.Length, Convert.ToHexString(SHA256.HashData(csv))));

        await using Stream answer = await HttpHandlers.DescribeUploadClaimCheck(HttpEvents.Event(HttpEvents.HttpApi, new Dictionary<string, string>(), pointer), Context);

        JsonElement refused = await RefusedAsync(answer, 400);
        Assert.Contains("does not match", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.IsType<PayloadIntegrityException>(Assert.Single(_refusals.Refused));
    }

    public static TheoryData<string, Type> ForgedPointers => new()
    {
        // The fixture's own body: a pointer to a bucket this function was never told about.
        { EventFixtures.Json(HttpEvents.HttpApi)["body"]!.GetValue<string>(), typeof(PayloadBucketNotAllowedException) },
        { Pointer(S3rverFixture.ForeignBucket, "payloadgen/uploads/2026/12/06/a.csv", 10), typeof(PayloadBucketNotAllowedException) },
        { Pointer(S3rverFixture.Bucket, "elsewhere/uploads/a.csv", 10), typeof(PayloadKeyNotAllowedException) },
        // An offloaded response of someone else is under the prefix, but not an upload: never a request body.
        { Pointer(S3rverFixture.Bucket, "payloadgen/2026/12/06/0f1e2d3c4b5a69788796a5b4c3d2e1f0.csv", 10), typeof(PayloadKeyNotAllowedException) },
        { Pointer(S3rverFixture.Bucket, "payloadgen/uploads/../2026/12/06/a.csv", 10), typeof(PayloadKeyNotAllowedException) },
        { Pointer(S3rverFixture.Bucket, "payloadgen/uploads/2026/12/06/a.csv", 33L * MB), typeof(PayloadTooLargeException) },
        { "{\"$payloadgen\":\"s3-pointer/1\",\"bucket\":\"payloads\",\"bucket\":\"someone-elses\",\"key\":\"payloadgen/uploads/a\",\"size\":1,\"sha256\":\"" + new string('0', 64) + "\"}", typeof(MalformedPointerException) },
        { "{\"$payloadgen\":\"s3-pointer/1\",\"bucket\":\"payloads\",\"key\":\"payloadgen/uploads/a\",\"size\":1}", typeof(MalformedPointerException) },
    };

    [Theory]
    [MemberData(nameof(ForgedPointers))]
    public async Task Forged_upload_pointers_are_refused_with_a_4xx_before_any_S3_call(string body, Type refusal)
    {
        await using Stream answer = await HttpHandlers.DescribeUploadClaimCheck(HttpEvents.Event(HttpEvents.HttpApi, new Dictionary<string, string>(), body), Context);

        JsonElement refused = await RefusedAsync(answer, refusal == typeof(PayloadTooLargeException) ? 413 : 400);
        string message = refused.GetProperty("message").GetString()!;
        Assert.DoesNotContain("payloadgen/", message, StringComparison.Ordinal);
        Assert.DoesNotContain(S3rverFixture.Bucket, message, StringComparison.Ordinal);
        Assert.IsType(refusal, Assert.Single(_refusals.Refused));
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task An_ALB_refusal_carries_its_status_description()
    {
        await using Stream answer = await HttpHandlers.AlbDescribeUploadClaimCheck(HttpEvents.Event(HttpEvents.Alb, new Dictionary<string, string>(), Pointer(S3rverFixture.ForeignBucket, "payloadgen/uploads/a.csv", 10)), Context);

        using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
        Assert.Equal("400 Bad Request", proxy.RootElement.GetProperty("statusDescription").GetString());
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Bodies_that_are_not_upload_pointers_reach_the_handler_unchanged_without_S3()
    {
        string[] bodies =
        [
            "{\"bucket\":\"payloads\",\"key\":\"payloadgen/uploads/a\"}",
            "[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3BucketName\":\"payloads\",\"s3Key\":\"payloadgen/uploads/a\"}]",
            "plain text",
        ];
        foreach (string body in bodies)
        {
            await using Stream answer = await HttpHandlers.DescribeUploadClaimCheck(HttpEvents.Event(HttpEvents.HttpApi, new Dictionary<string, string>(), body), Context);
            JsonElement received = await ReceivedAsync(answer);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body))).ToLowerInvariant(), received.GetProperty("sha256").GetString());
        }

        Assert.Empty(_recorder.Calls);
    }

    private static string Pointer(string bucket, string key, long size)
        => PayloadPointerWriter.ToJson(new PayloadPointer(bucket, key) { Size = size, Sha256 = new string('a', 64) });

    private static async Task UploadAsync(UploadSlot slot, byte[] body)
    {
        using var put = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, slot.Url) { Content = new ByteArrayContent(body) };
        foreach (KeyValuePair<string, string> header in slot.Headers)
        {
            if (!request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        using HttpResponseMessage uploaded = await put.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
    }

    private static async Task<JsonElement> RefusedAsync(Stream answer, int status)
    {
        using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
        Assert.Equal(status, proxy.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/json", proxy.RootElement.GetProperty("headers").GetProperty("Content-Type").GetString());
        return JsonDocument.Parse(proxy.RootElement.GetProperty("body").GetString()!).RootElement.Clone();
    }

    private static async Task<JsonElement> ReceivedAsync(Stream answer)
    {
        using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
        Assert.Equal(200, proxy.RootElement.GetProperty("statusCode").GetInt32());
        return JsonDocument.Parse(proxy.RootElement.GetProperty("body").GetString()!).RootElement.Clone();
    }

    private sealed class RefusalObserver : IClaimCheckObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<Exception> Refused { get; } = new();

        public void OnPayload(ClaimCheckEvent payloadEvent)
        {
        }

        public void OnHttpUploadRefused(Exception exception) => Refused.Enqueue(exception);
    }
}
