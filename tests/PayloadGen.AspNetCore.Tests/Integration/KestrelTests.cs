using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PayloadGen.AspNetCore.Tests.Infrastructure;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Integration;

/// <summary>
/// The whole path over real sockets: a minimal API served by Kestrel on 127.0.0.1, called by a plain
/// <see cref="HttpClient"/> that follows the redirect to s3rver as any client would.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class KestrelTests(S3rverFixture s3)
{
    private static readonly string s_csv = Encoding.ASCII.GetString(TestBodies.Csv(20 * 1024 * 1024));

    [Fact]
    public async Task Minimal_api_answering_20_MB_of_csv_is_followed_by_a_plain_HttpClient_to_exactly_those_bytes()
    {
        string prefix = S3rverRuntimes.NewPrefix();
        await using TestApplication app = await TestApplication.StartAsync(
            MapReport,
            o => o.Runtime = S3rverRuntimes.Create(s3, prefix),
            kestrel: true);

        using var client = new HttpClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri(app.Address!, "/reports/sales.csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.ASCII.GetBytes(s_csv), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new Uri(s3.ServiceUrl).Port, response.RequestMessage!.RequestUri!.Port);
        Assert.Single(await S3rverRuntimes.KeysAsync(s3, prefix));
    }

    public static TheoryData<string, string, int> HostedResponses => new()
    {
        // The issue's cases: a REST API answering 8 MB of binary (base64 in Lambda's response), an ALB target
        // answering 1.5 MB of JSON (over ALB's 1 MB).
        { "rest", "image/png", 8 * 1024 * 1024 },
        { "alb", "application/json", 1_500_000 },
    };

    [Theory]
    [MemberData(nameof(HostedResponses))]
    public async Task Response_over_its_event_source_limit_is_followed_to_exactly_its_bytes_and_content_type(string lambdaRequest, string contentType, int bytes)
    {
        byte[] body = contentType == "image/png" ? TestBodies.Binary(bytes) : TestBodies.Json(bytes);
        object request = lambdaRequest == "alb"
            ? new Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest()
            : new Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest();
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/resource", (HttpContext context) =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "https://app.example";
                return Results.Bytes(body, contentType);
            }),
            o => o.Runtime = S3rverRuntimes.Create(s3, S3rverRuntimes.NewPrefix()),
            outer: a => a.UseLambdaRequest(request),
            kestrel: true);

        using HttpClient noRedirects = app.CreateClient();
        using HttpResponseMessage answer = await noRedirects.GetAsync(new Uri("/resource", UriKind.Relative));
        using var client = new HttpClient();
        using HttpResponseMessage followed = await client.GetAsync(new Uri(app.Address!, "/resource"));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal("https://app.example", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(contentType, followed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, await followed.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Redirect_over_the_wire_carries_the_cors_header_and_the_cookie()
    {
        await using TestApplication app = await TestApplication.StartAsync(
            MapReport,
            o => o.Runtime = S3rverRuntimes.Create(s3, S3rverRuntimes.NewPrefix()),
            kestrel: true);

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/reports/sales.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal("https://app.example", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("report=sales; path=/", Assert.Single(answer.Headers.GetValues("Set-Cookie")));
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        Assert.Equal(0, answer.Content.Headers.ContentLength);
        Assert.Empty(await answer.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Small_response_over_the_wire_is_what_Kestrel_sends_without_the_middleware()
    {
        await using TestApplication plain = await TestApplication.StartAsync(MapSmall, claimCheck: null, kestrel: true);
        await using TestApplication checkedApp = await TestApplication.StartAsync(MapSmall, o => o.Runtime = GuardRuntime.Create(), kestrel: true);
        using HttpClient plainClient = plain.CreateClient();
        using HttpClient client = checkedApp.CreateClient();

        using HttpResponseMessage expected = await plainClient.GetAsync(new Uri("/summary", UriKind.Relative));
        using HttpResponseMessage actual = await client.GetAsync(new Uri("/summary", UriKind.Relative));

        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(HeadersWithoutDate(expected), HeadersWithoutDate(actual));
        Assert.Equal(await expected.Content.ReadAsByteArrayAsync(), await actual.Content.ReadAsByteArrayAsync());
    }

    private static void MapReport(WebApplication app)
        => app.MapGet("/reports/sales.csv", (HttpContext context) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "https://app.example";
            context.Response.Cookies.Append("report", "sales");
            return Results.Text(s_csv, "text/csv");
        });

    private static void MapSmall(WebApplication app)
        => app.MapGet("/summary", (HttpContext context) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return new { Rows = 20, Total = 1234.5m, Regions = new[] { "eu", "us" } };
        });

    private static string[] HeadersWithoutDate(HttpResponseMessage response)
        => response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .Select(h => $"{h.Key}: {string.Join(" | ", h.Value)}")
            .Order(StringComparer.Ordinal)
            .ToArray();
}
