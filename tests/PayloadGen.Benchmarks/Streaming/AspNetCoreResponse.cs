using System;
using System.Buffers;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PayloadGen.AspNetCore;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// The ASP.NET Core scenarios of <see cref="StreamingProbe"/>: a minimal-API application under <c>UseClaimCheck()</c>,
/// served by TestHost in the probe's process, answering a response of a given size that is stored on s3rver.
/// <c>aspnet-writes</c> writes the body in 64 KiB writes from one buffer (the middleware's own cost: no object graph,
/// no serializer); <c>aspnet-enumerable</c> writes <c>IAsyncEnumerable&lt;ExportRow&gt;</c> with <c>WriteAsJsonAsync</c>,
/// as an export endpoint would; <c>aspnet-pipe-unflushed</c> writes the same 64 KiB blocks with <c>PipeWriter.Write</c> to
/// <c>BodyWriter</c> and never flushes (the framework flushes when the response completes). The answer is the JSON pointer, so the probe reads the stored length from it.
/// </summary>
public sealed class AspNetCoreResponse : IAsyncDisposable
{
    private const int WriteBytes = 64 * 1024;

    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private AspNetCoreResponse(WebApplication app)
    {
        _app = app;
        _client = app.GetTestClient();
    }

    public static bool Handles(string scenario) => scenario.StartsWith("aspnet-", StringComparison.Ordinal);

    public static async Task<AspNetCoreResponse> StartAsync(ClaimCheckRuntime runtime)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Services.AddClaimCheck(options =>
        {
            options.Runtime = runtime;
            options.Answer = HttpOffloadAnswer.Json;
        });
        WebApplication app = builder.Build();
        app.UseClaimCheck();
        app.MapGet("/aspnet-writes", async (HttpContext context, long bytes) =>
        {
            context.Response.ContentType = "application/octet-stream";
            byte[] block = new byte[WriteBytes];
            new Random(7).NextBytes(block);
            for (long written = 0; written < bytes; written += WriteBytes)
            {
                await context.Response.Body.WriteAsync(block.AsMemory(0, (int)Math.Min(WriteBytes, bytes - written)));
            }
        });
        app.MapGet("/aspnet-pipe-unflushed", (HttpContext context, long bytes) =>
        {
            context.Response.ContentType = "application/octet-stream";
            byte[] block = new byte[WriteBytes];
            new Random(7).NextBytes(block);
            for (long written = 0; written < bytes; written += WriteBytes)
            {
                context.Response.BodyWriter.Write(block.AsSpan(0, (int)Math.Min(WriteBytes, bytes - written)));
            }

            return Task.CompletedTask;
        });
        app.MapGet("/aspnet-enumerable", (HttpContext context, long bytes)
            => context.Response.WriteAsJsonAsync(ExportRow.StreamAsync(bytes), ExportJsonContext.Default.IAsyncEnumerableExportRow));
        await app.StartAsync();
        return new AspNetCoreResponse(app);
    }

    /// <summary>Requests a response of about <paramref name="bytes"/> bytes and returns the stored length.</summary>
    public async Task<long> RequestAsync(string scenario, long bytes)
    {
        using HttpResponseMessage answer = await _client.GetAsync(new Uri($"/{scenario}?bytes={bytes.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative));
        answer.EnsureSuccessStatusCode();
        using JsonDocument pointer = JsonDocument.Parse(await answer.Content.ReadAsStreamAsync());
        return pointer.RootElement.GetProperty("size").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
