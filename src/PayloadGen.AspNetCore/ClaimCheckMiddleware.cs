using System;
using System.Buffers;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PayloadGen.AspNetCore;

/// <summary>
/// Buffers each response body in pooled memory; a body within the event source's limit goes out unchanged, a larger
/// one is stored and answered with a redirect to a presigned URL. A body that passes the threshold while it is being
/// written streams into storage from then on, so its size is not bounded by memory. Added by <c>app.UseClaimCheck()</c>.
/// </summary>
public sealed partial class ClaimCheckMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ClaimCheckMiddlewareOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the middleware; the options are checked and frozen here, at start-up.</summary>
    /// <exception cref="ClaimCheckConfigurationException">The options cannot work.</exception>
    public ClaimCheckMiddleware(RequestDelegate next, IOptions<ClaimCheckMiddlewareOptions> options, ILogger<ClaimCheckMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _next = next;
        _options = options.Value;
        _options.Validate();
        _options.MakeReadOnly();
        _logger = logger;
    }

    /// <summary>Runs the rest of the pipeline against a buffered body, then answers.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IHttpResponseBodyFeature original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var plan = new ResponseOffloadPlan(context, _options);
        // Disposed on every way out: an upload that did not complete (the handler threw, the client went away, the
        // response changed) is aborted before the exception leaves, so nothing is left in storage.
        await using var body = new ClaimCheckResponseBody(original, context, _options.MaxBufferedBytes, plan, _options.UrlLifetime);
        context.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            // On an exception the buffered bytes are dropped unsent, so error handling further out can still answer.
            context.Features.Set(original);
        }

        if (!body.IsBuffering)
        {
            await body.DrainAsync(context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (body.Upload is ResponseBodyUpload upload)
        {
            await AnswerStoredWhileWrittenAsync(context, body, upload, plan).ConfigureAwait(false);
            return;
        }

        await AnswerAsync(context, body.Buffered, original, plan).ConfigureAwait(false);
    }

    /// <summary>Completes a body that streamed into storage as it was written, and answers as for a buffered one.</summary>
    private async Task AnswerStoredWhileWrittenAsync(HttpContext context, ClaimCheckResponseBody body, ResponseBodyUpload upload, ResponseOffloadPlan plan)
    {
        HttpResponse response = context.Response;
        upload.EnsureStillStorable(response);
        OffloadedHttpBody offloaded = await body.CompleteUploadAsync().ConfigureAwait(false);
        // Lambda's count of a body is never below its length, so the length is what passed the threshold.
        await AnswerOffloadedAsync(context, offloaded, plan, upload.BytesWritten, upload.BytesWritten).ConfigureAwait(false);
    }

    /// <summary>Answers with the stored body's redirect (or pointer) and logs it: the end of every offload.</summary>
    private async Task AnswerOffloadedAsync(HttpContext context, OffloadedHttpBody offloaded, ResponseOffloadPlan plan, long bodyBytes, long wireBytes)
    {
        HttpOffloadAnswer answer = _options.Answer == HttpOffloadAnswer.Default ? plan.Runtime.Options.HttpAnswer : _options.Answer;
        int status = context.Response.StatusCode;
        await OffloadedAnswer.WriteAsync(context.Response, offloaded, answer, context.RequestAborted).ConfigureAwait(false);
        LogOffloaded(_logger, bodyBytes, wireBytes, plan.Threshold, plan.Source, status, answer);
    }

    private async Task AnswerAsync(HttpContext context, ReadOnlySequence<byte> buffered, IHttpResponseBodyFeature original, ResponseOffloadPlan plan)
    {
        // A HEAD answer has no body on the wire whatever the handler wrote (the server drops it): nothing to store.
        if (buffered.IsEmpty || HttpMethods.IsHead(context.Request.Method))
        {
            await PassThroughAsync(buffered, original, context).ConfigureAwait(false);
            return;
        }

        HttpResponse response = context.Response;
        PayloadSource source = plan.Source;
        ClaimCheckRuntime runtime = plan.Runtime;
        long threshold = plan.Threshold;
        // The estimate is never below the length, so a body over the threshold needs no scan.
        long wireBytes = buffered.Length > threshold
            ? buffered.Length
            : LambdaBodySize.Estimate(buffered, response.ContentType, response.Headers.ContentEncoding);
        if (wireBytes <= threshold)
        {
            await PassThroughAsync(buffered, original, context).ConfigureAwait(false);
            return;
        }

        int status = response.StatusCode;
        if (!ResponseOffloadPlan.IsStorableStatus(status))
        {
            // An error body this large is a bug to fix, not a payload to store; a partial (range) body is not the
            // resource a redirect would point to.
            LogNotOffloaded(_logger, status, buffered.Length, wireBytes, threshold, source);
            runtime.Options.Observer?.OnHttpResponseNotOffloaded(status, buffered.Length, threshold);
            await PassThroughAsync(buffered, original, context).ConfigureAwait(false);
            return;
        }

        HttpContentHeaders contentHeaders = ResponseBodyUpload.ContentHeaders(response);
        OffloadedHttpBody offloaded = await runtime.OffloadHttpBodyAsync(buffered, contentHeaders, source, _options.UrlLifetime, context.RequestAborted).ConfigureAwait(false);
        await AnswerOffloadedAsync(context, offloaded, plan, buffered.Length, wireBytes).ConfigureAwait(false);
    }

    private static async Task PassThroughAsync(ReadOnlySequence<byte> buffered, IHttpResponseBodyFeature original, HttpContext context)
    {
        foreach (ReadOnlyMemory<byte> segment in buffered)
        {
            // The stream, not the writer: every server implements it, Lambda hosting's writer is an adapter over it.
            await original.Stream.WriteAsync(segment, context.RequestAborted).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Response body of {BodyBytes} bytes ({WireBytes} in Lambda's response, over the {ThresholdBytes}-byte threshold of {EventSource}) stored; status {Status} answered as {Answer}.")]
    private static partial void LogOffloaded(ILogger logger, long bodyBytes, long wireBytes, long thresholdBytes, PayloadSource eventSource, int status, HttpOffloadAnswer answer);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Response with status {Status} has a body of {BodyBytes} bytes ({WireBytes} in Lambda's response, over the {ThresholdBytes}-byte threshold of {EventSource}); only 2xx responses other than 206 are offloaded, so it goes out as it is and Lambda may refuse it. An error body this large is a bug.")]
    private static partial void LogNotOffloaded(ILogger logger, int status, long bodyBytes, long wireBytes, long thresholdBytes, PayloadSource eventSource);
}
