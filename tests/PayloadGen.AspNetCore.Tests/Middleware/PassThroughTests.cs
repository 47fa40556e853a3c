using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PayloadGen.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Middleware;

/// <summary>Responses the claim check must leave exactly as they were.</summary>
public sealed class PassThroughTests
{
    public static TheoryData<string> SmallEndpoints => new() { "/json", "/text", "/bytes", "/stream", "/empty", "/created" };

    [Theory]
    [MemberData(nameof(SmallEndpoints))]
    public async Task Small_response_is_byte_for_byte_what_it_is_without_the_middleware(string path)
    {
        await using TestApplication plain = await TestApplication.StartAsync(MapSmallEndpoints, claimCheck: null);
        await using TestApplication checkedApp = await TestApplication.StartAsync(MapSmallEndpoints, o => o.Runtime = GuardRuntime.Create());

        (HttpStatusCode status, string[] headers, byte[] body) expected = await FetchAsync(plain, path);
        (HttpStatusCode status, string[] headers, byte[] body) actual = await FetchAsync(checkedApp, path);

        Assert.Equal(expected.status, actual.status);
        Assert.Equal(expected.headers, actual.headers);
        Assert.Equal(expected.body, actual.body);
        Assert.Empty(checkedApp.Logs.ClaimCheck);
    }

    [Theory]
    [InlineData(StatusCodes.Status500InternalServerError)]
    [InlineData(StatusCodes.Status404NotFound)]
    [InlineData(StatusCodes.Status302Found)]
    public async Task Response_over_the_limit_with_a_status_other_than_2xx_goes_out_as_is_and_is_logged(int status)
    {
        byte[] body = TestBodies.Csv(7_000_000);
        var observer = new NotOffloadedObserver();
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/fail", async (HttpContext context) =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/csv";
                await context.Response.Body.WriteAsync(body);
            }),
            o => o.Runtime = GuardRuntime.Create(options => options.Observer = observer));

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/fail", UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
        LogEntry warning = Assert.Single(app.Logs.ClaimCheck);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"status {status}", warning.Message, StringComparison.Ordinal);
        Assert.Contains("7000000 bytes", warning.Message, StringComparison.Ordinal);
        Assert.Equal((status, 7_000_000L), Assert.Single(observer.Seen));
    }

    [Fact]
    public async Task Head_request_stores_nothing_whatever_the_handler_writes()
    {
        byte[] body = TestBodies.Csv(7_000_000);
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapMethods("/report", [HttpMethods.Get, HttpMethods.Head], async (HttpContext context) =>
            {
                // Written even for HEAD, as careless handlers do (file results skip it themselves).
                context.Response.ContentType = "text/csv";
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body);
            }),
            o => o.Runtime = GuardRuntime.Create());

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/report"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Empty(app.Logs.ClaimCheck);
    }

    [Fact]
    public async Task Partial_content_over_the_limit_is_not_offloaded()
    {
        byte[] file = TestBodies.Binary(8_000_000);
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/file", () => Results.Bytes(file, "application/octet-stream", enableRangeProcessing: true)),
            o => o.Runtime = GuardRuntime.Create());

        using HttpClient client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/file");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 6_999_999);
        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(file.AsSpan(0, 7_000_000).ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(LogLevel.Warning, Assert.Single(app.Logs.ClaimCheck).Level);
    }

    [Fact]
    public async Task Body_under_the_limit_that_base64_would_push_over_it_counts_as_base64()
    {
        // 4.8 MB of CSV is about 5 MB in Lambda's response (newlines and quotes escaped); 4.8 MB of PNG is 6.4 MB once
        // base64-encoded, over 6 MB. The PNG is refused by the guard runtime (it cannot presign), which proves the
        // middleware tried to offload it.
        byte[] csv = TestBodies.Csv(4_800_000);
        byte[] png = TestBodies.Binary(4_800_000);
        await using TestApplication app = await TestApplication.StartAsync(
            a =>
            {
                a.MapGet("/csv", () => Results.Bytes(csv, "text/csv"));
                a.MapGet("/png", () => Results.Bytes(png, "image/png"));
            },
            o => o.Runtime = GuardRuntime.Create());
        using HttpClient client = app.CreateClient();

        using HttpResponseMessage text = await client.GetAsync(new Uri("/csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal(csv, await text.Content.ReadAsByteArrayAsync());

        ClaimCheckConfigurationException refused = await Assert.ThrowsAsync<ClaimCheckConfigurationException>(() => client.GetAsync(new Uri("/png", UriKind.Relative)));
        Assert.Contains("cannot presign", refused.Message, StringComparison.Ordinal);
    }

    private sealed class NotOffloadedObserver : IClaimCheckObserver
    {
        public List<(int Status, long Bytes)> Seen { get; } = [];

        public void OnPayload(ClaimCheckEvent payload)
        {
        }

        public void OnHttpResponseNotOffloaded(int statusCode, long bytes, long limitBytes) => Seen.Add((statusCode, bytes));
    }

    private static void MapSmallEndpoints(WebApplication app)
    {
        app.MapGet("/json", () => new { Id = 7, Name = "small \"quoted\" <report>", Rows = Enumerable.Range(0, 50).ToArray() });
        app.MapGet("/text", () => Results.Text("hello, world\n", "text/plain"));
        app.MapGet("/bytes", (HttpContext context) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.Cookies.Append("session", "abc");
            return Results.Bytes(TestBodies.Binary(100_000), "application/octet-stream", "data.bin");
        });
        app.MapGet("/stream", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/csv";
            for (int i = 0; i < 100; i++)
            {
                await context.Response.WriteAsync($"{i},row {i}\n");
                await context.Response.Body.FlushAsync();
            }
        });
        app.MapGet("/empty", () => Results.NoContent());
        app.MapGet("/created", () => Results.Created("/things/1", new { Id = 1 }));
    }

    private static async Task<(HttpStatusCode Status, string[] Headers, byte[] Body)> FetchAsync(TestApplication app, string path)
    {
        using HttpClient client = app.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = response.Headers.Concat(response.Content.Headers);
        string[] headers = all.Select(h => $"{h.Key}: {string.Join(" | ", h.Value)}").Order(StringComparer.Ordinal).ToArray();
        return (response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }
}
