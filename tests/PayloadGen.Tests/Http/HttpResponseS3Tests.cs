using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.ApplicationLoadBalancerEvents;
using Amazon.S3;
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Http;

/// <summary>
/// Generated HTTP wrappers (API Gateway REST, HTTP API, ALB) against a real S3 server: small responses go out
/// unchanged; large ones answer a redirect that an ordinary <see cref="HttpClient"/> follows to the exact body.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class HttpResponseS3Tests : IDisposable
{
    private const int MB = 1024 * 1024;

    private readonly AmazonS3Client _client;
    private readonly RecordingS3 _recorder;
    private readonly NotOffloadedObserver _observer = new();

    public HttpResponseS3Tests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        (IAmazonS3 recording, _recorder) = RecordingS3.Wrap(_client);
        HttpHandlers.ClaimCheckRuntime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false, Observer = _observer }, recording);
    }

    public void Dispose()
    {
        HttpHandlers.ClaimCheckRuntime = null;
        _client.Dispose();
    }

    private static TestLambdaContext Context => new(TimeSpan.FromMinutes(1));

    [Fact]
    public async Task Small_responses_are_byte_for_byte_what_Lambdas_serializer_writes_without_S3()
    {
        using MemoryStream rest = HttpEvents.Asking(HttpEvents.Rest, 2_000);
        using MemoryStream httpApi = HttpEvents.Asking(HttpEvents.HttpApi, 2_000);
        using MemoryStream alb = HttpEvents.Asking(HttpEvents.Alb, 2_000);

        Assert.Equal(Serialized(HttpHandlers.RestBinary(Read<APIGatewayProxyRequest>(rest))), await Bytes(await HttpHandlers.RestBinaryClaimCheck(Rewound(rest), Context)));
        Assert.Equal(Serialized(await HttpHandlers.HttpApiCsv(Read<APIGatewayHttpApiV2ProxyRequest>(httpApi), Context)), await Bytes(await HttpHandlers.HttpApiCsvClaimCheck(Rewound(httpApi), Context)));
        Assert.Equal(Serialized(HttpHandlers.AlbJson(Read<ApplicationLoadBalancerRequest>(alb))), await Bytes(await HttpHandlers.AlbJsonClaimCheck(Rewound(alb), Context)));
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Rest_handler_with_an_8_MB_base64_binary_body_redirects_to_the_exact_bytes_with_CORS_and_cookies()
    {
        await using var gateway = new LocalHttpGateway(query => HttpEvents.Event(HttpEvents.Rest, query), input => HttpHandlers.RestBinaryClaimCheck(input, Context));

        using HttpResponseMessage redirect = await NotFollowing().GetAsync(new Uri(gateway.BaseAddress, "?bytes=" + (8 * MB)));
        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        Assert.Equal(HttpHandlers.Origin, Single(redirect, "Access-Control-Allow-Origin"));
        Assert.Equal("no-store", Single(redirect, "Cache-Control"));
        Assert.Equal(["session=abc123; Secure; HttpOnly", "theme=dark"], redirect.Headers.GetValues("Set-Cookie"));
        Assert.Equal("Origin", Single(redirect, "Vary"));
        Assert.False(redirect.Content.Headers.Contains("Content-Disposition"), "the body's headers travel with the stored object");
        Assert.Empty(await redirect.Content.ReadAsByteArrayAsync());

        using HttpResponseMessage followed = await Following().GetAsync(new Uri(gateway.BaseAddress, "?bytes=" + (8 * MB)));
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(HttpBodies.Binary(8 * MB), await followed.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", followed.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"report-42.pdf\"", followed.Content.Headers.ContentDisposition!.ToString());
        Assert.EndsWith(".pdf", followed.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_api_handler_with_a_20_MB_csv_redirects_to_the_exact_text_with_CORS_and_cookies()
    {
        await using var gateway = new LocalHttpGateway(query => HttpEvents.Event(HttpEvents.HttpApi, query), input => HttpHandlers.HttpApiCsvClaimCheck(input, Context));

        using HttpResponseMessage redirect = await NotFollowing().GetAsync(new Uri(gateway.BaseAddress, "?bytes=" + (20 * MB)));
        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        Assert.Equal(HttpHandlers.Origin, Single(redirect, "access-control-allow-origin"));
        Assert.Equal("42", Single(redirect, "x-report-id"));
        Assert.Equal(["session=abc123; Secure; HttpOnly", "lang=en"], redirect.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("http://127.0.0.1:", redirect.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=", redirect.Headers.Location.Query, StringComparison.Ordinal);

        using HttpResponseMessage followed = await Following().GetAsync(new Uri(gateway.BaseAddress, "?bytes=" + (20 * MB)));
        Assert.Equal(Encoding.UTF8.GetBytes(HttpBodies.Csv(20 * MB)), await followed.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv; charset=utf-8", followed.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Alb_handler_with_1_5_MB_of_json_redirects_with_an_ALB_status_description_and_CORS()
    {
        await using Stream answer = await HttpHandlers.AlbJsonClaimCheck(HttpEvents.Asking(HttpEvents.Alb, 1_572_864), Context);
        using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
        JsonElement root = proxy.RootElement;
        Assert.Equal(303, root.GetProperty("statusCode").GetInt32());
        Assert.Equal("303 See Other", root.GetProperty("statusDescription").GetString());
        Assert.Equal(HttpHandlers.Origin, root.GetProperty("headers").GetProperty("Access-Control-Allow-Origin").GetString());
        Assert.False(root.GetProperty("headers").TryGetProperty("Content-Type", out _));
        Assert.Equal(string.Empty, root.GetProperty("body").GetString());
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());

        await using var gateway = new LocalHttpGateway(query => HttpEvents.Event(HttpEvents.Alb, query), input => HttpHandlers.AlbJsonClaimCheck(input, Context));
        using HttpResponseMessage followed = await Following().GetAsync(new Uri(gateway.BaseAddress, "?bytes=1572864"));
        Assert.Equal(Encoding.UTF8.GetBytes(HttpBodies.Json(1_572_864)), await followed.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/json", followed.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Alb_is_held_to_1_MB_even_when_the_configured_threshold_is_higher()
    {
        HttpHandlers.ClaimCheckRuntime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false, InlineThresholdBytes = 5 * MB }, _client);

        await using Stream answer = await HttpHandlers.AlbJsonClaimCheck(HttpEvents.Asking(HttpEvents.Alb, 1_100_000), Context);

        using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
        Assert.Equal(303, proxy.RootElement.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Just_under_the_limit_goes_inline_and_just_over_is_redirected()
    {
        ClaimCheckRuntime runtime = HttpHandlers.ClaimCheckRuntime!;
        long threshold = runtime.HttpInlineThreshold(PayloadSource.ApplicationLoadBalancer);
        // The largest body whose serialized response (JSON-escaped, in its envelope) is exactly at the threshold.
        int fits = 0;
        for (int low = 0, high = (int)threshold; low <= high;)
        {
            int middle = (low + high) / 2;
            if (Serialized(HttpHandlers.AlbJson(Read<ApplicationLoadBalancerRequest>(HttpEvents.Asking(HttpEvents.Alb, middle)))).Length <= threshold)
            {
                fits = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        byte[] inline = await Bytes(await HttpHandlers.AlbJsonClaimCheck(HttpEvents.Asking(HttpEvents.Alb, fits), Context));
        byte[] over = await Bytes(await HttpHandlers.AlbJsonClaimCheck(HttpEvents.Asking(HttpEvents.Alb, fits + 1), Context));

        Assert.True(inline.Length <= threshold, $"{inline.Length} bytes went inline over the {threshold}-byte threshold");
        Assert.True(Serialized(HttpHandlers.AlbJson(Read<ApplicationLoadBalancerRequest>(HttpEvents.Asking(HttpEvents.Alb, fits + 1)))).Length > threshold);
        Assert.Equal(200, JsonDocument.Parse(inline).RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(303, JsonDocument.Parse(over).RootElement.GetProperty("statusCode").GetInt32());
    }

    [Theory]
    [InlineData(HttpEvents.HttpApi, 4_000, false)]
    [InlineData(HttpEvents.HttpApi, 5 * MB, true)]
    [InlineData(HttpEvents.Alb, 4_000, false)]
    [InlineData(HttpEvents.Alb, 800_000, true)]
    public async Task Base64_binary_bodies_go_inline_unchanged_or_are_stored_as_their_decoded_bytes(string fixture, int bytes, bool redirected)
    {
        // 5 MB of bytes is 6.7 MB of base64, over HTTP API's limit; 800 KB is 1.07 MB, over ALB's.
        Func<Stream, Task<Stream>> wrapper = fixture == HttpEvents.HttpApi
            ? input => HttpHandlers.HttpApiImageClaimCheck(input, Context)
            : input => HttpHandlers.AlbArchiveClaimCheck(input, Context);
        using MemoryStream request = HttpEvents.Asking(fixture, bytes);
        byte[] serialized = fixture == HttpEvents.HttpApi
            ? Serialized(HttpHandlers.HttpApiImage(Read<APIGatewayHttpApiV2ProxyRequest>(request)))
            : Serialized(HttpHandlers.AlbArchive(Read<ApplicationLoadBalancerRequest>(request)));

        byte[] answer = await Bytes(await wrapper(Rewound(request)));

        if (!redirected)
        {
            Assert.Equal(serialized, answer);
            return;
        }

        using JsonDocument proxy = JsonDocument.Parse(answer);
        Assert.Equal(303, proxy.RootElement.GetProperty("statusCode").GetInt32());
        await using var gateway = new LocalHttpGateway(query => HttpEvents.Event(fixture, query), wrapper);
        using HttpResponseMessage followed = await Following().GetAsync(new Uri(gateway.BaseAddress, "?bytes=" + bytes));
        Assert.Equal(HttpBodies.Binary(bytes), await followed.Content.ReadAsByteArrayAsync());
        Assert.Equal(fixture == HttpEvents.HttpApi ? "image/png" : "application/gzip", followed.Content.Headers.ContentType!.MediaType);
        if (fixture == HttpEvents.Alb)
        {
            // The handler used only multi-value headers, so the answer's own headers are there too.
            Assert.Equal(HttpHandlers.Origin, proxy.RootElement.GetProperty("multiValueHeaders").GetProperty("Access-Control-Allow-Origin")[0].GetString());
            Assert.Equal("no-store", proxy.RootElement.GetProperty("multiValueHeaders").GetProperty("Cache-Control")[0].GetString());
            Assert.False(proxy.RootElement.GetProperty("multiValueHeaders").TryGetProperty("Content-Type", out _));
        }
    }

    [Theory]
    [InlineData(HttpEvents.Rest, 500)]
    [InlineData(HttpEvents.HttpApi, 404)]
    [InlineData(HttpEvents.Alb, 302)]
    public async Task Responses_other_than_2xx_are_never_stored_and_the_observer_hears_why(string fixture, int status)
    {
        int bytes = fixture == HttpEvents.Alb ? 2 * MB : 7 * MB;
        using MemoryStream request = HttpEvents.Asking(fixture, bytes, status);
        byte[] expected = fixture switch
        {
            HttpEvents.Rest => Serialized(HttpHandlers.RestBinary(Read<APIGatewayProxyRequest>(request))),
            HttpEvents.HttpApi => Serialized(await HttpHandlers.HttpApiCsv(Read<APIGatewayHttpApiV2ProxyRequest>(request), Context)),
            _ => Serialized(HttpHandlers.AlbJson(Read<ApplicationLoadBalancerRequest>(request))),
        };

        Stream answer = fixture switch
        {
            HttpEvents.Rest => await HttpHandlers.RestBinaryClaimCheck(Rewound(request), Context),
            HttpEvents.HttpApi => await HttpHandlers.HttpApiCsvClaimCheck(Rewound(request), Context),
            _ => await HttpHandlers.AlbJsonClaimCheck(Rewound(request), Context),
        };

        Assert.Equal(expected, await Bytes(answer));
        Assert.DoesNotContain(_recorder.Methods, method => method.Contains("Put", StringComparison.Ordinal) || method.Contains("Multipart", StringComparison.Ordinal));
        (int Status, long Bytes) notice = Assert.Single(_observer.Notices);
        Assert.Equal(status, notice.Status);
        Assert.Equal(expected.Length, notice.Bytes);
    }

    [Fact]
    public async Task Json_answer_keeps_the_handlers_status_and_carries_a_pointer_with_a_url_that_serves_the_body()
    {
        await using Stream answer = await HttpHandlers.HttpApiCsvAsJsonClaimCheck(HttpEvents.Asking(HttpEvents.HttpApi, 7 * MB), Context);

        using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
        JsonElement root = proxy.RootElement;
        Assert.Equal(200, root.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/json", root.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(HttpHandlers.Origin, root.GetProperty("headers").GetProperty("access-control-allow-origin").GetString());
        Assert.Equal(2, root.GetProperty("cookies").GetArrayLength());
        Assert.True(PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(root.GetProperty("body").GetString()!), false, out PayloadPointer? pointer));
        Assert.Equal("text/csv; charset=utf-8", pointer!.ContentType);
        Assert.Equal(Encoding.UTF8.GetByteCount(HttpBodies.Csv(7 * MB)), pointer.Size);
        PresignedLifetime.AssertSignedFor(pointer.Url!, 60);

        byte[] fetched = await Following().GetByteArrayAsync(new Uri(pointer.Url!));
        Assert.Equal(Encoding.UTF8.GetBytes(HttpBodies.Csv(7 * MB)), fetched);
    }

    [Fact]
    public async Task Temporary_redirect_answers_307_with_multi_value_location_for_ALB_style_readers()
    {
        await using Stream answer = await HttpHandlers.RestBinaryTemporaryRedirectClaimCheck(HttpEvents.Asking(HttpEvents.Rest, 7 * MB), Context);

        using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
        JsonElement root = proxy.RootElement;
        Assert.Equal(307, root.GetProperty("statusCode").GetInt32());
        string location = root.GetProperty("headers").GetProperty("Location").GetString()!;
        Assert.Equal(location, root.GetProperty("multiValueHeaders").GetProperty("Location")[0].GetString());
        Assert.Equal(2, root.GetProperty("multiValueHeaders").GetProperty("Set-Cookie").GetArrayLength());
        PresignedLifetime.AssertSignedFor(location, 900);
        Assert.Equal(HttpBodies.Binary(7 * MB), await Following().GetByteArrayAsync(new Uri(location)));
    }

    private static byte[] Serialized<T>(T response) => JsonSerializer.SerializeToUtf8Bytes(response, ClaimCheckJson.GetTypeInfo<T>());

    private static T Read<T>(MemoryStream json)
    {
        T value = JsonSerializer.Deserialize(json.ToArray(), ClaimCheckJson.GetTypeInfo<T>())!;
        return value;
    }

    private static MemoryStream Rewound(MemoryStream stream)
    {
        stream.Position = 0;
        return stream;
    }

    private static async Task<byte[]> Bytes(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private static string Single(HttpResponseMessage response, string name)
        => (response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name)).Single();

    private static HttpClient NotFollowing() => new(new HttpClientHandler { AllowAutoRedirect = false });

    // An ordinary client: follows redirects, as browsers and HttpClient do by default.
    private static HttpClient Following() => new();

    private sealed class NotOffloadedObserver : IClaimCheckObserver
    {
        public ConcurrentQueue<(int Status, long Bytes)> Notices { get; } = new();

        public void OnPayload(ClaimCheckEvent payloadEvent)
        {
        }

        public void OnHttpResponseNotOffloaded(int statusCode, long bytes, long limitBytes) => Notices.Enqueue((statusCode, bytes));
    }
}
