using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PayloadGen.AspNetCore.Tests.Infrastructure;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Integration;

/// <summary>
/// The middleware on a body like Lambda hosting's: Amazon.Lambda.AspNetCoreServer runs the pipeline against a
/// <see cref="MemoryStream"/> and turns it, with the status and headers, into the proxy response afterwards. What the
/// stream and headers hold when the pipeline returns is what API Gateway gets.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class LambdaHostedBodyTests(S3rverFixture s3)
{
    [Fact]
    public async Task Small_body_is_in_the_hosts_stream_as_written()
    {
        byte[] body = TestBodies.Csv(50_000);
        (HttpContext context, MemoryStream hostBody) = await InvokeAsync(body);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("text/csv", context.Response.ContentType);
        Assert.Equal(body, hostBody.ToArray());
    }

    [Fact]
    public async Task Body_over_the_limit_leaves_the_host_an_empty_redirect_with_headers_and_cookies()
    {
        byte[] body = TestBodies.Csv(7_000_000);
        (HttpContext context, MemoryStream hostBody) = await InvokeAsync(body);

        Assert.Equal(StatusCodes.Status303SeeOther, context.Response.StatusCode);
        Assert.Equal(0, hostBody.Length);
        Assert.Equal(0, context.Response.ContentLength);
        Assert.Null(context.Response.ContentType);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.Equal("*", context.Response.Headers.AccessControlAllowOrigin.ToString());
        Assert.Equal("session=abc; path=/", context.Response.Headers.SetCookie.ToString());
        (byte[] stored, string? contentType) = await RedirectTests.FollowAsync(new Uri(context.Response.Headers.Location.ToString()));
        Assert.Equal(body, stored);
        Assert.Equal("text/csv", contentType);
    }

    private async Task<(HttpContext Context, MemoryStream HostBody)> InvokeAsync(byte[] body)
    {
        var hostBody = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Response.Body = hostBody;
        context.Items["LambdaRequestObject"] = new APIGatewayHttpApiV2ProxyRequest();
        var middleware = new ClaimCheckMiddleware(
            async ctx =>
            {
                ctx.Response.ContentType = "text/csv";
                ctx.Response.Headers.AccessControlAllowOrigin = "*";
                ctx.Response.Cookies.Append("session", "abc");
                await ctx.Response.Body.WriteAsync(body);
            },
            Options.Create(new ClaimCheckMiddlewareOptions { Runtime = S3rverRuntimes.Create(s3, S3rverRuntimes.NewPrefix()) }),
            NullLogger<ClaimCheckMiddleware>.Instance);

        await middleware.InvokeAsync(context);
        return (context, hostBody);
    }
}
