using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PayloadGen.AspNetCore.Tests.Infrastructure;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Integration;

/// <summary>
/// Every way an endpoint writes a large body — JSON results through the pipe, a stream writer that flushes, a string
/// written after an implicit start, an explicit start, a file — is buffered whole and offloaded: flushes and starts do
/// not defeat the claim check. The bytes behind the redirect are the bytes the endpoint writes without the middleware.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class BufferedWritesTests(S3rverFixture s3) : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"payloadgen-aspnet-{Guid.NewGuid():N}.bin");

    [Theory]
    [InlineData("/json-result")]
    [InlineData("/write-as-json")]
    [InlineData("/stream-writer-flushing")]
    [InlineData("/write-string")]
    [InlineData("/explicit-start")]
    [InlineData("/file")]
    public async Task Large_body_is_offloaded_whatever_the_handler_flushes_or_starts(string path)
    {
        File.WriteAllBytes(_file, TestBodies.Binary(7_000_000, seed: 11));
        await using TestApplication plain = await TestApplication.StartAsync(MapEndpoints, claimCheck: null);
        await using TestApplication checkedApp = await TestApplication.StartAsync(MapEndpoints, o => o.Runtime = S3rverRuntimes.Create(s3, S3rverRuntimes.NewPrefix()));
        using HttpClient plainClient = plain.CreateClient();
        using HttpClient client = checkedApp.CreateClient();

        using HttpResponseMessage original = await plainClient.GetAsync(new Uri(path, UriKind.Relative));
        byte[] expected = await original.Content.ReadAsByteArrayAsync();
        using HttpResponseMessage answer = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(expected.Length > 6_291_556, $"{path} wrote only {expected.Length} bytes");
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        (byte[] stored, string? contentType) = await RedirectTests.FollowAsync(answer.Headers.Location!);
        Assert.Equal(expected, stored);
        Assert.Equal(original.Content.Headers.ContentType?.MediaType, contentType);
    }

    public void Dispose() => File.Delete(_file);

    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/json-result", () => Rows());
        app.MapGet("/write-as-json", (HttpContext context) => context.Response.WriteAsJsonAsync(Rows()));
        app.MapGet("/stream-writer-flushing", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/csv";
            await using var writer = new StreamWriter(context.Response.Body);
            foreach (Row row in Rows())
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{row.Id},{row.Name},{row.Amount}"));
                await writer.FlushAsync();
            }
        });
        app.MapGet("/write-string", (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(string.Concat(Enumerable.Repeat("line of text\n", 600_000)));
        });
        app.MapGet("/explicit-start", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.StartAsync();
            await context.Response.BodyWriter.WriteAsync(TestBodies.Binary(5_000_000));
            await context.Response.BodyWriter.FlushAsync();
            await context.Response.BodyWriter.WriteAsync(TestBodies.Binary(2_000_000, seed: 3));
        });
        app.MapGet("/file", () => Results.File(_file, "application/octet-stream"));
    }

    private static Row[] Rows() => Enumerable.Range(0, 200_000).Select(i => new Row(i, $"customer {i % 977} \"gold\"", i * 1.25m)).ToArray();

    private sealed record Row(int Id, string Name, decimal Amount);
}
