using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Amazon.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PayloadGen.AspNetCore;
using PayloadGen.Tests.Infrastructure;

namespace PayloadGen.AspNetCorePackageTests;

/// <summary>
/// The package's streaming, as a user's application runs it: <c>AddClaimCheck</c> + <c>UseClaimCheck()</c> in a Kestrel
/// app whose runtime stores in s3rver through the AWS SDK the package brought. An endpoint writes a body of four 5 MiB
/// parts in 64 KiB writes through a middleware that may hold only 2 MiB, so the body can only have reached S3 part by
/// part while it was written; the client gets the 303 and reads, through the presigned URL, exactly the bytes written.
/// </summary>
internal static class StreamedResponseScenario
{
    private const string Bucket = "payloads";
    private const int PartBytes = 5 * 1024 * 1024;
    private const int BodyBytes = 3 * PartBytes + 1_234_567;
    private const int WriteBytes = 64 * 1024;
    private const long MaxBufferedBytes = 2 * 1024 * 1024;

    /// <summary>Runs the scenario and describes what it proved.</summary>
    /// <exception cref="InvalidOperationException">The package did not behave as documented.</exception>
    public static async Task<string> RunAsync()
    {
        byte[] body = new byte[BodyBytes];
        new Random(20261206).NextBytes(body);
        await using S3rverProcess s3 = await S3rverProcess.StartAsync(Bucket).ConfigureAwait(false);
        var s3Requests = new MultipartHttpRecorder();
        using AmazonS3Client client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = s3Requests });

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddClaimCheck(options =>
        {
            // s3rver stores aws-chunked uploads undecoded (DESIGN §7), as some S3-compatible servers do.
            options.Runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = Bucket, S3ChunkedEncoding = false }, client);
            options.ThresholdBytes = 1_000_000;
            options.MaxBufferedBytes = MaxBufferedBytes;
        });
        await using WebApplication app = builder.Build();
        app.UseClaimCheck();
        app.MapGet("/export.bin", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/octet-stream";
            for (int offset = 0; offset < body.Length; offset += WriteBytes)
            {
                await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(WriteBytes, body.Length - offset)), context.RequestAborted).ConfigureAwait(false);
            }
        });
        await app.StartAsync().ConfigureAwait(false);
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using HttpResponseMessage answer = await http.GetAsync(new Uri(new Uri(app.Urls.Single()), "/export.bin")).ConfigureAwait(false);
            Check(answer.StatusCode == HttpStatusCode.SeeOther, $"a {BodyBytes:N0}-byte response was answered {(int)answer.StatusCode}, not 303 See Other");
            Check(answer.Headers.CacheControl?.NoStore == true, "the redirect is not marked Cache-Control: no-store");
            Uri location = answer.Headers.Location ?? throw new InvalidOperationException("package test failed: the 303 has no Location");

            using HttpResponseMessage stored = await http.GetAsync(location).ConfigureAwait(false);
            byte[] storedBody = await stored.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            Check(stored.StatusCode == HttpStatusCode.OK, $"the presigned URL answered {(int)stored.StatusCode}");
            Check(storedBody.Length == body.Length && SHA256.HashData(storedBody).AsSpan().SequenceEqual(SHA256.HashData(body)), $"the stored object ({storedBody.Length:N0} bytes) is not the {body.Length:N0} bytes the endpoint wrote");
            Check(stored.Content.Headers.ContentType?.MediaType == "application/octet-stream", $"the stored object is served as {stored.Content.Headers.ContentType}, not as the endpoint's Content-Type");

            int parts = s3Requests.Exchanges.Count(exchange => exchange.IsUploadPart && exchange.Status == HttpStatusCode.OK);
            int expectedParts = (BodyBytes + PartBytes - 1) / PartBytes;
            Check(parts == expectedParts, $"the body went up in {parts} parts, not {expectedParts}");
            Check(s3Requests.Requests("POST", "uploadId=").Count == 1 && s3Requests.Requests("DELETE", "uploadId=").Count == 0, "the multipart upload was not completed exactly once, or was aborted");
            return $"streamed {BodyBytes:N0} bytes into {parts} S3 parts through a {MaxBufferedBytes:N0}-byte buffer and answered 303 to them";
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
        }
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("package test failed: " + failure);
        }
    }
}
