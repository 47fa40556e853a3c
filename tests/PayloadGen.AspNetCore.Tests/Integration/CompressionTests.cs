using System;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using PayloadGen.AspNetCore.Tests.Infrastructure;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Integration;

/// <summary>
/// Response compression inside the claim check: the middleware measures the compressed bytes that would leave, and a
/// body still over the limit is stored compressed with its <c>Content-Encoding</c>, so a client decodes it as usual.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class CompressionTests(S3rverFixture s3)
{
    [Fact]
    public async Task Compressed_body_over_the_limit_is_stored_with_its_content_encoding()
    {
        byte[] random = TestBodies.Binary(9_000_000);
        string prefix = S3rverRuntimes.NewPrefix();
        await using TestApplication app = await TestApplication.StartAsync(
            a =>
            {
                a.UseResponseCompression();
                a.MapGet("/export", () => Results.Bytes(random, "text/plain"));
            },
            o => o.Runtime = S3rverRuntimes.Create(s3, prefix),
            services: s => s.AddResponseCompression(o =>
            {
                o.Providers.Add<GzipCompressionProvider>();
                o.MimeTypes = ["text/plain"];
            }));

        using HttpClient client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/export");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using HttpResponseMessage answer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Empty(answer.Content.Headers.ContentEncoding);
        Assert.Equal("Accept-Encoding", Assert.Single(answer.Headers.Vary));
        RedirectTests.StoredResponse raw = await RedirectTests.FetchStoredAsync(answer.Headers.Location!);
        Assert.Equal("gzip", raw.ContentEncoding);
        using var gunzip = new GZipStream(new MemoryStream(raw.Body), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await gunzip.CopyToAsync(decoded);
        Assert.Equal(random, decoded.ToArray());
        RedirectTests.StoredResponse automatic = await RedirectTests.FetchStoredAsync(answer.Headers.Location!, DecompressionMethods.GZip);
        Assert.Equal(random, automatic.Body);
    }

    [Fact]
    public async Task Compression_that_brings_a_body_under_the_limit_lets_it_pass_through()
    {
        byte[] csv = TestBodies.Csv(9_000_000);
        await using TestApplication app = await TestApplication.StartAsync(
            a =>
            {
                a.UseResponseCompression();
                a.MapGet("/export", () => Results.Bytes(csv, "text/csv"));
            },
            o => o.Runtime = GuardRuntime.Create(),
            services: s => s.AddResponseCompression(o =>
            {
                o.Providers.Add<GzipCompressionProvider>();
                o.MimeTypes = ["text/csv"];
            }));

        using HttpClient client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/export");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        using var gunzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await gunzip.CopyToAsync(decoded);
        Assert.Equal(csv, decoded.ToArray());
    }
}
