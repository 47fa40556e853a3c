using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PayloadGen.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Middleware;

/// <summary>
/// Handlers that stream on purpose (<c>DisableBuffering()</c>, server-sent events): the body passes through as it is
/// written and nothing is offloaded, because the limit can no longer be enforced after the headers are out. And
/// handlers that fail: nothing buffered reaches the client.
/// </summary>
public sealed class StreamingTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Handler_that_disables_buffering_streams_through_and_is_never_offloaded()
    {
        byte[] first = Encoding.ASCII.GetBytes("id,name\n");
        byte[] rest = TestBodies.Csv(7_000_000);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/export", async (HttpContext context) =>
            {
                context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
                context.Response.ContentType = "text/csv";
                await context.Response.Body.WriteAsync(first);
                await context.Response.Body.FlushAsync();
                await gate.Task;
                await context.Response.Body.WriteAsync(rest);
            }),
            o => o.Runtime = GuardRuntime.Create());

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/export", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(s_patience);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] received = new byte[first.Length];
        await body.ReadExactlyAsync(received).AsTask().WaitAsync(s_patience);
        gate.SetResult();
        using var remaining = new MemoryStream();
        await body.CopyToAsync(remaining);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first, received);
        Assert.Equal(rest, remaining.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Switching_to_streaming_after_buffered_writes_keeps_every_byte_in_order(bool pipeFirst)
    {
        byte[] first = TestBodies.Binary(300_000, seed: 1);
        byte[] second = TestBodies.Binary(200_000, seed: 2);
        byte[] third = TestBodies.Binary(100_000, seed: 3);
        byte[] fourth = TestBodies.Binary(50_000, seed: 4);
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/mixed", async (HttpContext context) =>
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.BodyWriter.WriteAsync(first);
                await context.Response.Body.WriteAsync(second);
                context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
                // What was buffered is drained by the first operation after the switch: synchronously into the inner
                // writer when it is the pipe's GetSpan, asynchronously into the inner stream when it is a stream write.
                if (pipeFirst)
                {
                    third.CopyTo(context.Response.BodyWriter.GetSpan(third.Length));
                    context.Response.BodyWriter.Advance(third.Length);
                    await context.Response.BodyWriter.FlushAsync();
                    await context.Response.Body.WriteAsync(fourth);
                }
                else
                {
                    await context.Response.Body.WriteAsync(third);
                    await context.Response.BodyWriter.WriteAsync(fourth);
                }
            }),
            o => o.Runtime = GuardRuntime.Create());

        using HttpClient client = app.CreateClient();
        byte[] received = await client.GetByteArrayAsync(new Uri("/mixed", UriKind.Relative));

        Assert.Equal([.. first, .. second, .. third, .. fourth], received);
    }

    [Fact]
    public async Task Server_sent_events_reach_the_client_as_they_are_written()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/events", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync("data: one\n\n");
                await context.Response.Body.FlushAsync();
                await gate.Task;
                await context.Response.WriteAsync("data: two\n\n");
            }),
            o => o.Runtime = GuardRuntime.Create());

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(s_patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? firstEvent = await reader.ReadLineAsync().WaitAsync(s_patience);
        gate.SetResult();
        string rest = await reader.ReadToEndAsync();

        Assert.Equal("data: one", firstEvent);
        Assert.Equal("\ndata: two\n\n", rest);
    }

    [Fact]
    public async Task Handler_that_fails_after_writing_sends_no_partial_body_so_error_handling_can_answer()
    {
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/report", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/csv";
                await context.Response.WriteAsync("id,name\n1,half a report");
                throw new InvalidOperationException("the database went away");
            }),
            o => o.Runtime = GuardRuntime.Create(),
            outer: a => a.Use(async (HttpContext context, RequestDelegate next) =>
            {
                try
                {
                    await next(context);
                }
                catch (InvalidOperationException) when (!context.Response.HasStarted)
                {
                    context.Response.Clear();
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    await context.Response.WriteAsync("report failed");
                }
            }));

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("report failed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Store_that_cannot_presign_fails_the_write_that_passes_the_threshold_not_the_end_of_the_body()
    {
        // 6 MB minus 64 KiB is the threshold without a Lambda request; the handler would write 100 MB.
        long written = 0;
        Exception? caught = null;
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/huge", async (HttpContext context) =>
            {
                byte[] chunk = TestBodies.Binary(1024 * 1024);
                try
                {
                    for (int i = 0; i < 100; i++)
                    {
                        await context.Response.Body.WriteAsync(chunk);
                        written += chunk.Length;
                    }
                }
                catch (Exception ex)
                {
                    caught = ex;
                    throw;
                }
            }),
            o => o.Runtime = GuardRuntime.Create());

        using HttpClient client = app.CreateClient();
        await Assert.ThrowsAsync<ClaimCheckConfigurationException>(() => client.GetAsync(new Uri("/huge", UriKind.Relative)));

        Assert.IsType<ClaimCheckConfigurationException>(caught);
        Assert.Contains("cannot presign", caught.Message, StringComparison.Ordinal);
        Assert.Equal(5 * 1024 * 1024, written);
    }

    [Fact]
    public async Task Body_over_the_buffer_cap_fails_the_write_that_crosses_it()
    {
        ResponseBufferLimitExceededException? caught = null;
        await using TestApplication app = await TestApplication.StartAsync(
            a => a.MapGet("/huge", async (HttpContext context) =>
            {
                try
                {
                    await context.Response.Body.WriteAsync(new byte[600]);
                    await context.Response.Body.WriteAsync(new byte[600]);
                }
                catch (ResponseBufferLimitExceededException ex)
                {
                    caught = ex;
                    throw;
                }
            }),
            o =>
            {
                o.Runtime = GuardRuntime.Create();
                o.MaxBufferedBytes = 1000;
            });

        using HttpClient client = app.CreateClient();
        await Assert.ThrowsAsync<ResponseBufferLimitExceededException>(() => client.GetAsync(new Uri("/huge", UriKind.Relative)));

        Assert.NotNull(caught);
        Assert.Equal(1200, caught.AttemptedBytes);
        Assert.Equal(1000, caught.MaxBytes);
        Assert.Contains("MaxBufferedBytes", caught.Message, StringComparison.Ordinal);
    }
}
