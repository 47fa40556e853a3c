using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PayloadGen.AspNetCore.Tests.Infrastructure;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Integration;

/// <summary>
/// A body that passes the threshold while it is written streams into a multipart upload on s3rver from then on:
/// 40 MB bodies go through a middleware whose buffer is capped at 8 MiB (so none was ever held whole), in every way
/// an endpoint writes; failures, client aborts and responses changed after the switch leave no object and no open
/// upload, and the application's error handling still answers.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class StreamedResponseTests(S3rverFixture s3) : IDisposable
{
    private const int BodyBytes = 40_000_000;
    private const int PartBytes = 5 * 1024 * 1024;
    private const long BufferCap = 8 * 1024 * 1024;

    private static readonly byte[] s_body = TestBodies.Binary(BodyBytes, seed: 40);
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"payloadgen-aspnet-{Guid.NewGuid():N}.bin");
    private readonly string _prefix = S3rverRuntimes.NewPrefix();
    private readonly MultipartHttpRecorder _http = new();

    public static TheoryData<string> Writers => new()
    {
        "/small-writes", "/synchronous-writes", "/pipe-writes", "/pipe-writes-never-flushed", "/file", "/async-enumerable-json", "/utf8-json-writer-never-flushed",
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Body_of_40_MB_streams_into_storage_through_a_buffer_capped_at_8_MiB(string path)
    {
        File.WriteAllBytes(_file, s_body);
        await using TestApplication plain = await TestApplication.StartAsync(MapEndpoints, claimCheck: null);
        await using TestApplication app = await StartAsync(MapEndpoints);
        using HttpClient plainClient = plain.CreateClient();
        using HttpClient client = app.CreateClient();

        bool json = path.EndsWith("json", StringComparison.Ordinal) || path.Contains("json-", StringComparison.Ordinal);
        byte[] expected = json ? await plainClient.GetByteArrayAsync(new Uri(path, UriKind.Relative)) : s_body;
        using HttpResponseMessage answer = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(expected.Length > 4 * BufferCap, $"{path} wrote only {expected.Length:N0} bytes");
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        RedirectTests.StoredResponse stored = await RedirectTests.FetchStoredAsync(answer.Headers.Location!);
        Assert.Equal(expected.Length, stored.Body.Length);
        Assert.Equal(SHA256.HashData(expected), SHA256.HashData(stored.Body));
        Assert.Equal(json ? "application/json" : "application/octet-stream", stored.ContentType);
        if (!json)
        {
            Assert.Equal("attachment; filename=export.bin; filename*=UTF-8''export.bin", stored.ContentDisposition);
        }

        // One multipart upload of 5 MiB parts, completed; nothing else stored.
        Assert.Single(await S3rverRuntimes.KeysAsync(s3, _prefix));
        Assert.Single(_http.Requests("POST", "uploads"));
        Assert.Equal((expected.Length + PartBytes - 1) / PartBytes, _http.Exchanges.Count(exchange => exchange.IsUploadPart));
        Assert.Single(_http.Requests("POST", "uploadId="));
        Assert.Empty(_http.Requests("DELETE", "uploadId="));
        Assert.Contains($"{expected.Length} bytes", Assert.Single(app.Logs.ClaimCheck).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_that_throws_after_its_body_started_streaming_leaves_no_object_and_no_open_upload()
    {
        long written = 0;
        await using TestApplication app = await StartAsync(
            a => a.MapGet("/export", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/csv";
                for (int offset = 0; offset < 3 * PartBytes; offset += 64 * 1024)
                {
                    await context.Response.Body.WriteAsync(s_body.AsMemory(offset, 64 * 1024));
                    written += 64 * 1024;
                }

                // S3 holds a part of it when the handler fails: the abort has something to remove.
                await EventuallyAsync(() => _http.Exchanges.Any(exchange => exchange.IsUploadPart && exchange.Status == HttpStatusCode.OK));
                throw new InvalidOperationException("the database went away");
            }),
            outer: AnswerFailuresWith500);

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("failed: InvalidOperationException", await response.Content.ReadAsStringAsync());
        Assert.Equal(3 * PartBytes, written);
        await AssertAbortedWithoutObjectAsync();
    }

    [Fact]
    public async Task Client_that_goes_away_stops_the_handler_at_its_next_part_and_the_upload_is_aborted()
    {
        var streaming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        long written = 0;
        await using TestApplication app = await StartAsync(
            a => a.MapGet("/export", EndRecorded(ended, async context =>
            {
                context.Response.ContentType = "application/octet-stream";

                // No token of its own: the claim check stops the upload when the client goes away.
                for (int round = 0; round < 100; round++)
                {
                    await context.Response.Body.WriteAsync(s_body);
                    written += s_body.Length;
                    streaming.TrySetResult();
                }
            })));

        using HttpClient client = app.CreateClient();
        using var goAway = new CancellationTokenSource();
        Task<HttpResponseMessage> request = client.GetAsync(new Uri("/export", UriKind.Relative), goAway.Token);
        await streaming.Task.WaitAsync(s_patience);
        await goAway.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Exception? failure = await ended.Task.WaitAsync(s_patience);
        Assert.IsAssignableFrom<OperationCanceledException>(failure);
        Assert.InRange(written, BodyBytes, 99L * BodyBytes);
        await AssertAbortedWithoutObjectEventuallyAsync();
    }

    [Fact]
    public async Task Lambda_deadline_during_the_upload_aborts_it_and_error_handling_still_answers()
    {
        // The invocation has 2 s left when the body passes the threshold; the claim check stops 0.5 s before that. The
        // handler would take 6 s and passes no token of its own.
        var ended = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        long written = 0;
        await using TestApplication app = await StartAsync(
            a => a.MapGet("/export", EndRecorded(ended, async context =>
            {
                context.Response.ContentType = "application/octet-stream";
                for (int i = 0; i < 60; i++)
                {
                    await context.Response.Body.WriteAsync(s_body.AsMemory(i * 500_000, 500_000));
                    written += 500_000;
                    await Task.Delay(100);
                }
            })),
            outer: a =>
            {
                AnswerFailuresWith500(a);
                a.Use((HttpContext context, RequestDelegate next) =>
                {
                    context.Items["LambdaContext"] = new InvocationWithTimeLeft(TimeSpan.FromSeconds(2));
                    return next(context);
                });
            },
            deadlineMargin: TimeSpan.FromMilliseconds(500));

        using HttpClient client = app.CreateClient();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.IsAssignableFrom<OperationCanceledException>(await ended.Task.WaitAsync(s_patience));
        Assert.InRange(written, 6_000_000, 25_000_000);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"The handler ran {clock.Elapsed} instead of stopping at the deadline.");
        await AssertAbortedWithoutObjectAsync();
    }

    /// <summary>What changes after the switch: the status or a content header, its value then and its value at the end (null: absent).</summary>
    public static TheoryData<string, string?, string?> Changes => new()
    {
        { "status", "200", "404" },
        { "Content-Type", "text/csv", "application/json" },
        { "Content-Disposition", null, "attachment; filename=late.csv" },
        // A compression step that decides late (a handler gzipping its own body, or a middleware inside the claim check)
        // would serve the stored bytes under the wrong encoding.
        { "Content-Encoding", null, "gzip" },
        { "Content-Encoding", "gzip", null },
        { "Content-Encoding", "gzip", "br" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Response_changed_after_its_body_started_streaming_fails_and_stores_nothing(string change, string? atStart, string? atEnd)
    {
        Exception? caught = null;
        await using TestApplication app = await StartAsync(
            a => a.MapGet("/export", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/csv";
                Set(context.Response, change, atStart);
                await context.Response.Body.WriteAsync(s_body.AsMemory(0, 12_000_000));
                Set(context.Response, change, atEnd);
            }),
            outer: a => a.Use(async (HttpContext context, RequestDelegate next) =>
            {
                try
                {
                    await next(context);
                }
                catch (ResponseChangedWhileStoredException ex) when (!context.Response.HasStarted)
                {
                    caught = ex;
                    context.Response.Clear();
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                }
            }));

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/export", UriKind.Relative));

        // Nothing of the body, and no redirect to it, reached the client: only the error handling's answer.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var changed = Assert.IsType<ResponseChangedWhileStoredException>(caught);
        Assert.Equal(change, changed.What);
        Assert.Equal(12_000_000, changed.BytesWhenStarted);
        Assert.Equal(atStart, changed.AtStart);
        Assert.Equal(atEnd, changed.AtEnd);
        Assert.StartsWith($"The response's {change} changed from '{atStart}' to '{atEnd}'", changed.Message, StringComparison.Ordinal);
        await AssertAbortedWithoutObjectAsync();
    }

    private static void Set(HttpResponse response, string what, string? value)
    {
        if (what == "status")
        {
            response.StatusCode = int.Parse(value!, CultureInfo.InvariantCulture);
        }
        else if (value is null)
        {
            response.Headers.Remove(what);
        }
        else
        {
            response.Headers[what] = value;
        }
    }

    [Fact]
    public async Task Pipe_writer_that_never_flushes_streams_through_a_cap_smaller_than_the_usual_cut()
    {
        // A 512 KiB cap: the unflushed bytes move into the upload at half of it, not at 1 MiB.
        const int WriteBytes = 16 * 1024;
        const int Written = 733 * WriteBytes;
        await using TestApplication app = await StartAsync(
            a => a.MapGet("/export", (HttpContext context) =>
            {
                context.Response.ContentType = "application/octet-stream";
                for (int offset = 0; offset < Written; offset += WriteBytes)
                {
                    context.Response.BodyWriter.Write(s_body.AsSpan(offset, WriteBytes));
                }

                return Task.CompletedTask;
            }),
            maxBufferedBytes: 512 * 1024,
            thresholdBytes: 100_000);

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal(SHA256.HashData(s_body.AsSpan(0, Written)), SHA256.HashData((await RedirectTests.FollowAsync(answer.Headers.Location!)).Body));
        Assert.Equal(3, _http.Exchanges.Count(exchange => exchange.IsUploadPart));
    }

    [Fact]
    public async Task Status_set_to_2xx_only_after_the_first_bytes_streams_from_the_write_that_follows()
    {
        await using TestApplication app = await StartAsync(
            a => a.MapGet("/export", async (HttpContext context) =>
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                context.Response.ContentType = "application/octet-stream";
                context.Response.Headers.ContentDisposition = "attachment; filename=export.bin";
                await context.Response.Body.WriteAsync(s_body.AsMemory(0, 7_000_000));
                context.Response.StatusCode = StatusCodes.Status200OK;
                await context.Response.Body.WriteAsync(s_body.AsMemory(7_000_000));
            }),
            maxBufferedBytes: 16 * 1024 * 1024);

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal(SHA256.HashData(s_body), SHA256.HashData((await RedirectTests.FollowAsync(answer.Headers.Location!)).Body));
    }

    [Fact]
    public async Task Asking_to_stream_after_the_body_started_streaming_into_storage_stores_it_to_its_end()
    {
        await using TestApplication app = await StartAsync(
            a => a.MapGet("/export", async (HttpContext context) =>
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(s_body.AsMemory(0, 10_000_000));
                context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
                await context.Response.Body.WriteAsync(s_body.AsMemory(10_000_000, 10_000_000));
            }));

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage answer = await client.GetAsync(new Uri("/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal(SHA256.HashData(s_body.AsSpan(0, 20_000_000)), SHA256.HashData((await RedirectTests.FollowAsync(answer.Headers.Location!)).Body));
    }

    [Fact]
    public async Task Store_that_does_not_take_parts_buffers_the_body_whole_as_before()
    {
        using AmazonS3Client s3Client = s3.CreateClient();
        var store = new WholeObjectStore(new S3PayloadStore(s3Client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false }));
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, KeyPrefix = _prefix }, store);
        await using TestApplication app = await TestApplication.StartAsync(
            a =>
            {
                a.MapGet("/fits", () => Results.Bytes(s_body.AsMemory(0, 7_000_000).ToArray(), "application/octet-stream"));
                a.MapGet("/too-large", () => Results.Bytes(s_body, "application/octet-stream"));
            },
            o =>
            {
                o.Runtime = runtime;
                o.MaxBufferedBytes = BufferCap;
            });

        using HttpClient client = app.CreateClient();
        using HttpResponseMessage fits = await client.GetAsync(new Uri("/fits", UriKind.Relative));
        await Assert.ThrowsAsync<ResponseBufferLimitExceededException>(() => client.GetAsync(new Uri("/too-large", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.SeeOther, fits.StatusCode);
        Assert.Equal(s_body.AsMemory(0, 7_000_000).ToArray(), (await RedirectTests.FollowAsync(fits.Headers.Location!)).Body);
        Assert.Equal(1, store.WholeWrites);
        Assert.Single(await S3rverRuntimes.KeysAsync(s3, _prefix));
    }

    public void Dispose() => File.Delete(_file);

    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/small-writes", async (HttpContext context) =>
        {
            SetBinaryHeaders(context.Response);
            for (int offset = 0; offset < s_body.Length; offset += 16 * 1024)
            {
                await context.Response.Body.WriteAsync(s_body.AsMemory(offset, Math.Min(16 * 1024, s_body.Length - offset)));
            }
        });
        app.MapGet("/synchronous-writes", (HttpContext context) =>
        {
            // Lambda hosting's body is a memory stream, which takes synchronous writes; so does the claim check's.
            SetBinaryHeaders(context.Response);
            for (int offset = 0; offset < s_body.Length; offset += 100_000)
            {
                context.Response.Body.Write(s_body, offset, Math.Min(100_000, s_body.Length - offset));
            }
        });
        app.MapGet("/pipe-writes", async (HttpContext context) =>
        {
            SetBinaryHeaders(context.Response);
            for (int offset = 0; offset < s_body.Length; offset += 32 * 1024)
            {
                int count = Math.Min(32 * 1024, s_body.Length - offset);
                s_body.AsSpan(offset, count).CopyTo(context.Response.BodyWriter.GetSpan(count));
                context.Response.BodyWriter.Advance(count);
                if (offset % (256 * 1024) == 0)
                {
                    await context.Response.BodyWriter.FlushAsync();
                }
            }
        });
        app.MapGet("/pipe-writes-never-flushed", (HttpContext context) =>
        {
            // GetSpan/Advance only (PipeWriter.Write): the framework flushes once, when the response completes.
            SetBinaryHeaders(context.Response);
            for (int offset = 0; offset < s_body.Length; offset += 32 * 1024)
            {
                context.Response.BodyWriter.Write(s_body.AsSpan(offset, Math.Min(32 * 1024, s_body.Length - offset)));
            }

            return Task.CompletedTask;
        });
        app.MapGet("/utf8-json-writer-never-flushed", (HttpContext context) =>
        {
            // A common hand-written JSON export: Utf8JsonWriter over BodyWriter, whose Flush only advances the pipe.
            context.Response.ContentType = "application/json";
            using var json = new Utf8JsonWriter(context.Response.BodyWriter);
            json.WriteStartArray();
            for (int i = 0; i < 600_000; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("id", i);
                json.WriteString("name", $"customer {i % 977} \"gold\"");
                json.WriteNumber("amount", i * 1.25m);
                json.WriteEndObject();
                if (json.BytesPending > 16 * 1024)
                {
                    json.Flush();
                }
            }

            json.WriteEndArray();
            json.Flush();
            return Task.CompletedTask;
        });
        app.MapGet("/file", () => Results.File(_file, "application/octet-stream", "export.bin"));
        app.MapGet("/async-enumerable-json", (HttpContext context) => context.Response.WriteAsJsonAsync(RowsAsync(600_000)));
    }

    private static void SetBinaryHeaders(HttpResponse response)
    {
        response.ContentType = "application/octet-stream";
        response.Headers.ContentDisposition = "attachment; filename=export.bin; filename*=UTF-8''export.bin";
    }

    private static async IAsyncEnumerable<Row> RowsAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < count; i++)
        {
            if (i % 10_000 == 0)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return new Row(i, $"customer {i % 977} \"gold\"", i * 1.25m);
        }
    }

    private Task<TestApplication> StartAsync(Action<WebApplication> endpoints, Action<WebApplication>? outer = null, long maxBufferedBytes = BufferCap, TimeSpan? deadlineMargin = null, long? thresholdBytes = null)
        => TestApplication.StartAsync(
            endpoints,
            o =>
            {
                var options = new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, KeyPrefix = _prefix, S3ChunkedEncoding = false };
                if (deadlineMargin is TimeSpan margin)
                {
                    options.DeadlineMargin = margin;
                }

                o.Runtime = ClaimCheckRuntime.Create(options, s3.CreateClient(new AmazonS3Config { HttpClientFactory = _http, MaxErrorRetry = 0 }));
                o.MaxBufferedBytes = maxBufferedBytes;
                o.ThresholdBytes = thresholdBytes;
            },
            outer);

    /// <summary>An endpoint that runs <paramref name="write"/> and records how it ended: its exception, or null.</summary>
    private static Func<HttpContext, Task> EndRecorded(TaskCompletionSource<Exception?> ended, Func<HttpContext, Task> write)
        => async context =>
        {
            try
            {
                await write(context);
            }
            catch (Exception ex)
            {
                ended.TrySetResult(ex);
                throw;
            }

            ended.TrySetResult(null);
        };

    private static void AnswerFailuresWith500(WebApplication app)
        => app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("failed: " + ex.GetType().Name);
            }
        });

    /// <summary>The one upload this test started was aborted and never completed: S3 holds no object and no open upload.</summary>
    private async Task AssertAbortedWithoutObjectAsync()
    {
        Assert.Single(_http.Requests("POST", "uploads"));
        Assert.NotEmpty(_http.Requests("DELETE", "uploadId="));
        Assert.Empty(_http.Requests("POST", "uploadId="));
        Assert.Empty(await OpenUploadsAsync());
        Assert.Empty(await S3rverRuntimes.KeysAsync(s3, _prefix));
    }

    /// <summary>The same, once the server side has finished aborting (the client stopped waiting for it).</summary>
    private async Task AssertAbortedWithoutObjectEventuallyAsync()
    {
        await EventuallyAsync(() => _http.Requests("DELETE", "uploadId=").Count != 0);
        await AssertAbortedWithoutObjectAsync();
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < s_patience, "The condition did not become true in time.");
            await Task.Delay(20);
        }
    }

    private async Task<List<MultipartUpload>> OpenUploadsAsync()
    {
        using AmazonS3Client client = s3.CreateClient();
        ListMultipartUploadsResponse listed = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = S3rverFixture.Bucket, Prefix = _prefix });
        return listed.MultipartUploads ?? [];
    }

    private sealed record Row(int Id, string Name, decimal Amount);

    /// <summary>The <c>ILambdaContext</c> Lambda hosting keeps in <c>HttpContext.Items</c>, implemented explicitly as test doubles often are.</summary>
    private sealed class InvocationWithTimeLeft(TimeSpan remaining) : Amazon.Lambda.Core.ILambdaContext
    {
        string Amazon.Lambda.Core.ILambdaContext.AwsRequestId => "request-1";

        Amazon.Lambda.Core.IClientContext Amazon.Lambda.Core.ILambdaContext.ClientContext => null!;

        string Amazon.Lambda.Core.ILambdaContext.FunctionName => "export";

        string Amazon.Lambda.Core.ILambdaContext.FunctionVersion => "$LATEST";

        Amazon.Lambda.Core.ICognitoIdentity Amazon.Lambda.Core.ILambdaContext.Identity => null!;

        string Amazon.Lambda.Core.ILambdaContext.InvokedFunctionArn => "arn:aws:lambda:us-east-1:123456789012:function:export";

        Amazon.Lambda.Core.ILambdaLogger Amazon.Lambda.Core.ILambdaContext.Logger => null!;

        string Amazon.Lambda.Core.ILambdaContext.LogGroupName => "/aws/lambda/export";

        string Amazon.Lambda.Core.ILambdaContext.LogStreamName => "stream";

        int Amazon.Lambda.Core.ILambdaContext.MemoryLimitInMB => 512;

        TimeSpan Amazon.Lambda.Core.ILambdaContext.RemainingTime => remaining;
    }

    /// <summary>A store that presigns but takes no parts, as a third-party store may: every body reaches it whole.</summary>
    private sealed class WholeObjectStore(S3PayloadStore inner) : IPresigningPayloadStore
    {
        private int _wholeWrites;

        public int WholeWrites => _wholeWrites;

        public string Bucket => inner.Bucket;

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _wholeWrites);
            return inner.WriteAsync(write, cancellationToken);
        }

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => inner.OpenReadAsync(pointer, maxBytes, cancellationToken);

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => inner.DeleteAsync(pointer, cancellationToken);

        public Task<string> PresignReadAsync(PayloadPointer pointer, TimeSpan lifetime, CancellationToken cancellationToken) => inner.PresignReadAsync(pointer, lifetime, cancellationToken);

        public Task<PresignedUpload> PresignWriteAsync(string key, PayloadDescription description, TimeSpan lifetime, CancellationToken cancellationToken) => inner.PresignWriteAsync(key, description, lifetime, cancellationToken);
    }
}
