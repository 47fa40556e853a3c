using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PayloadGen.AspNetCore.Tests.Infrastructure;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Integration;

/// <summary>Responses over the limit: stored in S3 (s3rver) and answered with a redirect or a JSON pointer.</summary>
[Collection(S3rverTests.Name)]
public sealed class RedirectTests(S3rverFixture s3)
{
    [Fact]
    public async Task Response_over_the_limit_answers_303_to_the_stored_body_keeping_cors_headers_and_cookies()
    {
        byte[] csv = TestBodies.Csv(7_000_000);
        string prefix = S3rverRuntimes.NewPrefix();
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/report", (HttpContext context) =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "https://app.example";
                context.Response.Headers.AccessControlExposeHeaders = "Location, X-Report-Id";
                context.Response.Headers["X-Report-Id"] = "42";
                context.Response.Cookies.Append("session", "abc");
                context.Response.Cookies.Append("theme", "dark");
                return Results.Bytes(csv, "text/csv", "report.csv");
            }),
            o => o.Runtime = S3rverRuntimes.Create(s3, prefix));

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal("https://app.example", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("Location, X-Report-Id", Assert.Single(answer.Headers.GetValues("Access-Control-Expose-Headers")));
        Assert.Equal("42", Assert.Single(answer.Headers.GetValues("X-Report-Id")));
        Assert.Equal(["session=abc; path=/", "theme=dark; path=/"], answer.Headers.GetValues("Set-Cookie"));
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        Assert.Empty(await answer.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, answer.Content.Headers.ContentLength);
        Assert.Null(answer.Content.Headers.ContentType);
        Assert.Null(answer.Content.Headers.ContentDisposition);

        Uri location = answer.Headers.Location!;
        Assert.StartsWith(s3.ServiceUrl + "/" + S3rverFixture.Bucket + "/" + prefix, location.AbsoluteUri, StringComparison.Ordinal);
        StoredResponse stored = await FetchStoredAsync(location);
        Assert.Equal(csv, stored.Body);
        Assert.Equal("text/csv", stored.ContentType);
        Assert.Equal("attachment; filename=report.csv; filename*=UTF-8''report.csv", stored.ContentDisposition);

        string key = Assert.Single(await S3rverRuntimes.KeysAsync(s3, prefix));
        Assert.EndsWith(".csv", key, StringComparison.Ordinal);
        LogEntry logged = Assert.Single(app.Logs.ClaimCheck);
        Assert.Equal(LogLevel.Information, logged.Level);
        Assert.Contains("7000000 bytes", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Temporary_redirect_when_the_options_ask_for_307()
    {
        byte[] csv = TestBodies.Csv(6_500_000);
        string prefix = S3rverRuntimes.NewPrefix();
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/report", () => Results.Bytes(csv, "text/csv")),
            o =>
            {
                o.Runtime = S3rverRuntimes.Create(s3, prefix);
                o.Answer = HttpOffloadAnswer.TemporaryRedirect;
            });

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, answer.StatusCode);
        Assert.Equal(csv, (await FollowAsync(answer.Headers.Location!)).Body);
    }

    [Fact]
    public async Task Answer_follows_the_runtime_configuration_when_the_middleware_leaves_it_to_the_default()
    {
        byte[] csv = TestBodies.Csv(6_500_000);
        string prefix = S3rverRuntimes.NewPrefix();
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/report", () => Results.Bytes(csv, "text/csv")),
            o => o.Runtime = S3rverRuntimes.Create(s3, prefix, options => options.HttpAnswer = HttpOffloadAnswer.TemporaryRedirect));

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, answer.StatusCode);
    }

    [Fact]
    public async Task Json_answer_keeps_the_handler_status_and_carries_the_url_in_a_pointer()
    {
        byte[] csv = TestBodies.Csv(6_500_000);
        string prefix = S3rverRuntimes.NewPrefix();
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapPost("/exports", async (HttpContext context) =>
            {
                context.Response.StatusCode = StatusCodes.Status201Created;
                context.Response.ContentType = "text/csv";
                context.Response.Headers.AccessControlAllowOrigin = "*";
                await context.Response.Body.WriteAsync(csv);
            }),
            o =>
            {
                o.Runtime = S3rverRuntimes.Create(s3, prefix);
                o.Answer = HttpOffloadAnswer.Json;
            });

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.PostAsync(new Uri("/exports", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        Assert.Equal("*", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Null(answer.Headers.Location);
        using JsonDocument pointer = JsonDocument.Parse(await answer.Content.ReadAsByteArrayAsync());
        Assert.Equal("s3-pointer/1", pointer.RootElement.GetProperty("$payloadgen").GetString());
        Assert.Equal(S3rverFixture.Bucket, pointer.RootElement.GetProperty("bucket").GetString());
        Assert.Equal(csv.Length, pointer.RootElement.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv)), pointer.RootElement.GetProperty("sha256").GetString());
        (byte[] stored, string? contentType) = await FollowAsync(new Uri(pointer.RootElement.GetProperty("url").GetString()!));
        Assert.Equal(csv, stored);
        Assert.Equal("text/csv", contentType);
    }

    public static TheoryData<string, int, bool> SourcesAndSizes => new()
    {
        { "alb", 1_500_000, true },
        { "http", 1_500_000, false },
        { "rest", 1_500_000, false },
        { "rest", 6_300_000, true },
        { "http", 6_300_000, true },
        { "none", 1_500_000, false },
        { "none", 6_300_000, true },
    };

    [Theory]
    [MemberData(nameof(SourcesAndSizes))]
    public async Task Limit_follows_the_Lambda_event_source_ALB_1_MB_API_Gateway_6_MB(string lambdaRequest, int bytes, bool offloaded)
    {
        byte[] json = TestBodies.Json(bytes);
        string prefix = S3rverRuntimes.NewPrefix();
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/items", () => Results.Bytes(json, "application/json")),
            o => o.Runtime = S3rverRuntimes.Create(s3, prefix),
            outer: a =>
            {
                object? request = lambdaRequest switch
                {
                    "alb" => new Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest(),
                    "http" => new Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest(),
                    "rest" => new Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest(),
                    _ => null,
                };
                if (request is not null)
                {
                    a.UseLambdaRequest(request);
                }
            });

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/items", UriKind.Relative));

        if (offloaded)
        {
            Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
            Assert.Equal(json, (await FollowAsync(answer.Headers.Location!)).Body);
            Assert.Single(await S3rverRuntimes.KeysAsync(s3, prefix));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(json, await answer.Content.ReadAsByteArrayAsync());
            Assert.Empty(await S3rverRuntimes.KeysAsync(s3, prefix));
        }
    }

    [Fact]
    public async Task Event_source_and_threshold_can_be_set_in_the_options_or_the_runtime()
    {
        byte[] json = TestBodies.Json(1_500_000);
        byte[] small = TestBodies.Json(300_000);
        string prefix = S3rverRuntimes.NewPrefix();
        await using TestApplication alb = await TestApplication.StartAsync(
            a => a.MapGet("/items", () => Results.Bytes(json, "application/json")),
            o =>
            {
                o.Runtime = S3rverRuntimes.Create(s3, prefix);
                o.EventSource = PayloadSource.ApplicationLoadBalancer;
            });
        await using TestApplication lowThreshold = await TestApplication.StartAsync(
            a => a.MapGet("/items", () => Results.Bytes(small, "application/json")),
            o =>
            {
                o.Runtime = S3rverRuntimes.Create(s3, prefix);
                o.ThresholdBytes = 256 * 1024;
            });

        await using TestApplication runtimeThreshold = await TestApplication.StartAsync(
            a => a.MapGet("/items", () => Results.Bytes(small, "application/json")),
            o => o.Runtime = S3rverRuntimes.Create(s3, prefix, options => options.InlineThresholdBytes = 256 * 1024));

        using HttpClient albClient = alb.CreateClient();
        using HttpClient lowClient = lowThreshold.CreateClient();
        using HttpClient runtimeClient = runtimeThreshold.CreateClient();
        using HttpResponseMessage albAnswer = await albClient.GetAsync(new Uri("/items", UriKind.Relative));
        using HttpResponseMessage lowAnswer = await lowClient.GetAsync(new Uri("/items", UriKind.Relative));
        using HttpResponseMessage runtimeAnswer = await runtimeClient.GetAsync(new Uri("/items", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, albAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, lowAnswer.StatusCode);
        Assert.Equal(small, (await FollowAsync(lowAnswer.Headers.Location!)).Body);
        Assert.Equal(HttpStatusCode.SeeOther, runtimeAnswer.StatusCode);
    }

    [Fact]
    public async Task Url_lifetime_comes_from_the_options()
    {
        byte[] csv = TestBodies.Csv(6_500_000);
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/report", () => Results.Bytes(csv, "text/csv")),
            o =>
            {
                o.Runtime = S3rverRuntimes.Create(s3, S3rverRuntimes.NewPrefix());
                o.UrlLifetime = TimeSpan.FromSeconds(90);
            });

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/report", UriKind.Relative));

        // The SDK turns "now + lifetime" back into seconds, rounding up the time spent signing.
        string expires = System.Web.HttpUtility.ParseQueryString(answer.Headers.Location!.Query)["X-Amz-Expires"]!;
        Assert.InRange(int.Parse(expires, System.Globalization.CultureInfo.InvariantCulture), 90, 91);
    }

    [Fact]
    public async Task Small_response_stores_nothing()
    {
        string prefix = S3rverRuntimes.NewPrefix();
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/items", () => Enumerable.Range(0, 1000).Select(i => new { Id = i, Name = $"item {i}" })),
            o => o.Runtime = S3rverRuntimes.Create(s3, prefix));

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/items", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1000, JsonDocument.Parse(await answer.Content.ReadAsByteArrayAsync()).RootElement.GetArrayLength());
        Assert.Empty(await S3rverRuntimes.KeysAsync(s3, prefix));
        Assert.Empty(app.Logs.ClaimCheck);
    }

    /// <summary>Fetches a presigned URL as any HTTP client would: no credentials, no PayloadGen.</summary>
    internal static async Task<(byte[] Body, string? ContentType)> FollowAsync(Uri location)
    {
        StoredResponse stored = await FetchStoredAsync(location);
        return (stored.Body, stored.ContentType);
    }

    /// <summary>Fetches a presigned URL and keeps the content headers S3 serves with the object.</summary>
    internal static async Task<StoredResponse> FetchStoredAsync(Uri location, DecompressionMethods decompression = DecompressionMethods.None)
    {
        using var plain = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = decompression });
        using HttpResponseMessage stored = await plain.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        return new StoredResponse(
            await stored.Content.ReadAsByteArrayAsync(),
            stored.Content.Headers.ContentType?.MediaType,
            stored.Content.Headers.ContentDisposition?.ToString(),
            string.Join(",", stored.Content.Headers.ContentEncoding));
    }

    internal sealed record StoredResponse(byte[] Body, string? ContentType, string? ContentDisposition, string ContentEncoding);
}
