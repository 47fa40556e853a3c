using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Http;

/// <summary>
/// The HTTP claim check's decisions on s3rver, each at its edge: a response exactly at the handler's threshold stays
/// inline and one byte more is stored; the configured answer and URL lifetime apply when the handler names none; the
/// redirect's URL and expiry are the stored object's; an upload pointer is read only when it is short enough to be
/// one, and the stored bytes reach the handler as text only when the media type is text and they are UTF-8. Every
/// payload is reported to the observer, no continuation is posted to the caller's context, and a missing argument
/// is named.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class HttpClaimCheckS3ContractTests : IDisposable
{
    private static readonly JsonTypeInfo<Dictionary<string, object>> ResponseType = ClaimCheckJson.GetTypeInfo<Dictionary<string, object>>();

    private readonly AmazonS3Client _client;
    private readonly EventObserver _observer = new();

    public HttpClaimCheckS3ContractTests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_response_exactly_at_the_handlers_threshold_is_inline_and_one_byte_more_is_stored()
    {
        var response = new Dictionary<string, object> { ["statusCode"] = 200, ["body"] = new string('x', 5_000) };
        byte[] serialized = JsonSerializer.SerializeToUtf8Bytes(response, ResponseType);
        ClaimCheckRuntime runtime = Runtime();

        byte[] inline = await DehydrateAsync(runtime, response, new HttpHandlerSettings(serialized.Length, HttpOffloadAnswer.Default, 0));
        byte[] stored = await DehydrateAsync(runtime, response, new HttpHandlerSettings(serialized.Length - 1, HttpOffloadAnswer.Default, 0));

        Assert.Equal(serialized, inline);
        using JsonDocument answer = JsonDocument.Parse(stored);
        Assert.Equal(303, answer.RootElement.GetProperty("statusCode").GetInt32());
        string location = answer.RootElement.GetProperty("headers").GetProperty("Location").GetString()!;
        Assert.Equal(new string('x', 5_000), await new HttpClient().GetStringAsync(new Uri(location)));

        ClaimCheckEvent[] events = [.. _observer.Events];
        Assert.Equal(2, events.Length);
        Assert.Equal((PayloadDirection.Dehydrated, (long)serialized.Length, true), (events[0].Direction, events[0].Bytes, events[0].Inline));
        Assert.Equal((PayloadDirection.Dehydrated, 5_000L), (events[1].Direction, events[1].Bytes));
        Assert.Equal(location, events[1].Pointer!.Url);
    }

    [Theory]
    [InlineData(HttpOffloadAnswer.Default, 307)]
    [InlineData(HttpOffloadAnswer.SeeOther, 303)]
    [InlineData(HttpOffloadAnswer.Json, 200)]
    public async Task The_configured_answer_applies_when_the_handler_names_none(HttpOffloadAnswer handlerAnswer, int status)
    {
        ClaimCheckRuntime runtime = Runtime(options => options.HttpAnswer = HttpOffloadAnswer.TemporaryRedirect);
        var response = new Dictionary<string, object> { ["statusCode"] = 200, ["body"] = new string('y', 2_000) };

        using JsonDocument answer = JsonDocument.Parse(await DehydrateAsync(runtime, response, new HttpHandlerSettings(100, handlerAnswer, 0)));

        Assert.Equal(status, answer.RootElement.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task The_configured_URL_lifetime_applies_when_the_handler_or_the_caller_names_none()
    {
        ClaimCheckRuntime runtime = Runtime(options => options.PresignedUrlLifetime = TimeSpan.FromMinutes(5));
        var response = new Dictionary<string, object> { ["statusCode"] = 200, ["body"] = new string('z', 2_000) };

        using JsonDocument configured = JsonDocument.Parse(await DehydrateAsync(runtime, response, new HttpHandlerSettings(100, HttpOffloadAnswer.SeeOther, 0)));
        using JsonDocument handlers = JsonDocument.Parse(await DehydrateAsync(runtime, response, new HttpHandlerSettings(100, HttpOffloadAnswer.SeeOther, 42)));
        UploadSlot slot = await runtime.CreateUploadSlotAsync("text/csv", lifetime: null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(5), runtime.HttpUrlLifetime);
        PresignedLifetime.AssertSignedFor(configured.RootElement.GetProperty("headers").GetProperty("Location").GetString()!, 300);
        PresignedLifetime.AssertSignedFor(handlers.RootElement.GetProperty("headers").GetProperty("Location").GetString()!, 42);
        PresignedLifetime.AssertSignedFor(slot.Url.Query, 300);
    }

    [Fact]
    public async Task An_offloaded_body_is_the_stored_object_its_URL_serves_until_it_expires()
    {
        byte[] csv = Encoding.UTF8.GetBytes("id,name\n1,Zoë\n");
        DateTimeOffset before = DateTimeOffset.UtcNow;

        OffloadedHttpBody offloaded = await Runtime().OffloadHttpBodyAsync(new ReadOnlySequence<byte>(csv), new HttpContentHeaders("text/csv; charset=utf-8"), PayloadSource.ApiGatewayHttp, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.InRange(offloaded.ExpiresAt, before + TimeSpan.FromMinutes(2), DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2));
        Assert.Equal(offloaded.Location.AbsoluteUri, offloaded.Pointer.Url);
        Assert.Equal((csv.Length, Sha256Hex.Of(csv)), (offloaded.Pointer.Size, offloaded.Pointer.Sha256));
        Assert.Equal(csv, await new HttpClient().GetByteArrayAsync(offloaded.Location));
        ClaimCheckEvent reported = Assert.Single(_observer.Events);
        Assert.Equal((PayloadDirection.Dehydrated, (long)csv.Length, offloaded.Pointer), (reported.Direction, reported.Bytes, reported.Pointer));
    }

    [Fact]
    public async Task An_upload_pointer_is_read_only_when_it_is_short_enough_to_be_one()
    {
        ClaimCheckRuntime runtime = Runtime();
        byte[] csv = Encoding.UTF8.GetBytes("a,b\n1,2\n");
        string pointer = await UploadAsync(runtime, "text/csv", csv);
        string atLimit = pointer + new string(' ', PointerWireNames.MaxPointerBytes - pointer.Length);

        HttpRequestBody? read = await runtime.HydrateHttpRequestBodyAsync(atLimit, isBase64Encoded: false, CancellationToken.None);
        HttpRequestBody? overLimit = await runtime.HydrateHttpRequestBodyAsync(atLimit + " ", isBase64Encoded: false, CancellationToken.None);
        HttpRequestBody? binary = await runtime.HydrateHttpRequestBodyAsync(pointer, isBase64Encoded: true, CancellationToken.None);

        Assert.Equal(("a,b\n1,2\n", false), (read!.Body, read.IsBase64Encoded));
        Assert.Null(overLimit);
        Assert.Null(binary);
        ClaimCheckEvent reported = Assert.Single(_observer.Events);
        Assert.Equal((PayloadDirection.Hydrated, (long)csv.Length, read.Pointer), (reported.Direction, reported.Bytes, reported.Pointer));
    }

    public static TheoryData<string, byte[], bool, bool> Uploads => new()
    {
        { "application/octet-stream", Encoding.UTF8.GetBytes("plain ascii, still binary"), true, false },
        { "text/csv", [0x61, 0x2C, 0xFF, 0xFE, 0x0A], false, false },  // declared text, but not UTF-8
        { "text/csv", Encoding.UTF8.GetBytes("é,ü\n"), false, false },
        { "text/csv", Encoding.UTF8.GetBytes("no media type in the pointer\n"), false, true },
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task Uploaded_bytes_reach_the_handler_as_text_only_when_the_media_type_is_text_and_they_are_UTF8(string contentType, byte[] uploaded, bool clientSaidBinary, bool dropContentType)
    {
        ClaimCheckRuntime runtime = Runtime();
        string pointer = await UploadAsync(runtime, contentType, uploaded, dropContentType);
        bool asText = !clientSaidBinary && (dropContentType || contentType.StartsWith("text/", StringComparison.Ordinal)) && System.Text.Unicode.Utf8.IsValid(uploaded);

        HttpRequestBody read = (await runtime.HydrateHttpRequestBodyAsync(pointer, isBase64Encoded: false, CancellationToken.None))!;

        Assert.Equal(!asText, read.IsBase64Encoded);
        Assert.Equal(uploaded, read.IsBase64Encoded ? Convert.FromBase64String(read.Body) : Encoding.UTF8.GetBytes(read.Body));
    }

    [Fact]
    public async Task A_pointer_outside_the_uploads_folder_is_refused_naming_where_uploads_live()
    {
        string offloaded = PayloadPointerWriter.ToJson(new PayloadPointer(S3rverFixture.Bucket, "payloadgen/2026/12/06/0f1e2d3c4b5a69788796a5b4c3d2e1f0.json") { Size = 10, Sha256 = new string('a', 64) });

        var error = await Assert.ThrowsAsync<PayloadKeyNotAllowedException>(() => Runtime().HydrateHttpRequestBodyAsync(offloaded, isBase64Encoded: false, CancellationToken.None).AsTask());

        Assert.Contains("request bodies must come from an upload slot, under 'payloadgen/uploads/'.", error.Message, StringComparison.Ordinal);
        Assert.Empty(_observer.Events);
    }

    [Fact]
    public async Task No_continuation_is_posted_to_the_callers_context()
    {
        // The claim-check serializer calls these synchronously: a continuation queued behind the blocked caller would deadlock it.
        ClaimCheckRuntime runtime = Runtime();
        var response = new Dictionary<string, object> { ["statusCode"] = 200, ["body"] = new string('w', 3_000) };
        string pointer = await UploadAsync(runtime, "text/csv", Encoding.UTF8.GetBytes("x,y\n"));

        Assert.Equal(0, await CountingSynchronizationContext.PostsDuringAsync(() => runtime.DehydrateHttpResponseAsync(response, ResponseType, PayloadSource.ApiGatewayHttp, new HttpHandlerSettings(100, HttpOffloadAnswer.SeeOther, 0), CancellationToken.None).AsTask()));
        Assert.Equal(0, await CountingSynchronizationContext.PostsDuringAsync(() => runtime.OffloadHttpBodyAsync(new ReadOnlySequence<byte>("{}"u8.ToArray()), new HttpContentHeaders("application/json"), PayloadSource.ApiGatewayHttp, null, CancellationToken.None)));
        Assert.Equal(0, await CountingSynchronizationContext.PostsDuringAsync(() => runtime.HydrateHttpRequestBodyAsync(pointer, isBase64Encoded: false, CancellationToken.None).AsTask()));
        Assert.Equal(0, await CountingSynchronizationContext.PostsDuringAsync(() => runtime.CreateUploadSlotAsync("text/csv", null, CancellationToken.None)));
    }

    [Fact]
    public async Task Missing_arguments_are_refused_by_name()
    {
        ClaimCheckRuntime runtime = Runtime();

        var headers = await Assert.ThrowsAsync<ArgumentNullException>(() => runtime.OffloadHttpBodyAsync(new ReadOnlySequence<byte>("{}"u8.ToArray()), null!, PayloadSource.ApiGatewayHttp, null, CancellationToken.None));
        var typeInfo = await Assert.ThrowsAsync<ArgumentNullException>(() => runtime.DehydrateHttpResponseAsync(new Dictionary<string, object>(), null!, PayloadSource.ApiGatewayHttp, default, CancellationToken.None).AsTask());
        var error = Assert.Throws<ArgumentNullException>(() => runtime.AnswerRefusedUpload(null!, PayloadSource.ApiGatewayHttp));

        Assert.Equal(("contentHeaders", "typeInfo", "error"), (headers.ParamName, typeInfo.ParamName, error.ParamName));
        Assert.Empty(_observer.Events);
    }

    private ClaimCheckRuntime Runtime(Action<ClaimCheckOptions>? configure = null)
    {
        var options = new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false, Observer = _observer };
        configure?.Invoke(options);
        return ClaimCheckRuntime.Create(options, _client);
    }

    private static async Task<byte[]> DehydrateAsync(ClaimCheckRuntime runtime, Dictionary<string, object> response, HttpHandlerSettings handler)
    {
        await using Stream answer = await runtime.DehydrateHttpResponseAsync(response, ResponseType, PayloadSource.ApiGatewayHttp, handler, CancellationToken.None);
        Assert.False(answer.CanWrite);
        using var copy = new MemoryStream();
        await answer.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Uploads <paramref name="body"/> to a new slot as a client would and returns the pointer it sends.</summary>
    private static async Task<string> UploadAsync(ClaimCheckRuntime runtime, string contentType, byte[] body, bool dropContentType = false)
    {
        UploadSlot slot = await runtime.CreateUploadSlotAsync(contentType, lifetime: null, CancellationToken.None);
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
        PayloadPointer pointer = slot.PointerFor(body.Length, Sha256Hex.Of(body));
        return PayloadPointerWriter.ToJson(dropContentType ? pointer with { ContentType = null } : pointer);
    }

    private sealed class EventObserver : IClaimCheckObserver
    {
        public ConcurrentQueue<ClaimCheckEvent> Events { get; } = new();

        public void OnPayload(ClaimCheckEvent payloadEvent) => Events.Enqueue(payloadEvent);
    }
}
