using System;
using System.Buffers;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PayloadGen.AspNetCore;

/// <summary>
/// Buffers each response body in pooled memory; a body within the event source's limit goes out unchanged, a larger
/// one is stored and answered with a redirect to a presigned URL. Added by <c>app.UseClaimCheck()</c>.
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
        using var body = new ClaimCheckResponseBody(original, context.Response, _options.MaxBufferedBytes);
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

        await AnswerAsync(context, body.Buffered, original).ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext context, ReadOnlySequence<byte> buffered, IHttpResponseBodyFeature original)
    {
        // A HEAD answer has no body on the wire whatever the handler wrote (the server drops it): nothing to store.
        if (buffered.IsEmpty || HttpMethods.IsHead(context.Request.Method))
        {
            await PassThroughAsync(buffered, original, context).ConfigureAwait(false);
            return;
        }

        HttpResponse response = context.Response;
        PayloadSource source = _options.EventSource ?? LambdaRequestSource.Detect(context) ?? LambdaRequestSource.Fallback;
        // Cheap: the runtime is created once per process, and its S3 client only when something is stored.
        ClaimCheckRuntime runtime = _options.Runtime
            ?? context.RequestServices?.GetService<ClaimCheckRuntime>()
            ?? ClaimCheckRuntime.Default;
        // The same rule as a [ClaimCheck] proxy-response handler's, never above the source's hard limit.
        long threshold = runtime.HttpInlineThreshold(source, _options.ThresholdBytes ?? 0);
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
        if (status is < 200 or > 299 || status == StatusCodes.Status206PartialContent)
        {
            // An error body this large is a bug to fix, not a payload to store; a partial (range) body is not the
            // resource a redirect would point to.
            LogNotOffloaded(_logger, status, buffered.Length, wireBytes, threshold, source);
            runtime.Options.Observer?.OnHttpResponseNotOffloaded(status, buffered.Length, threshold);
            await PassThroughAsync(buffered, original, context).ConfigureAwait(false);
            return;
        }

        var contentHeaders = new HttpContentHeaders(response.ContentType, response.Headers.ContentDisposition, response.Headers.ContentEncoding);
        OffloadedHttpBody offloaded = await runtime.OffloadHttpBodyAsync(buffered, contentHeaders, source, _options.UrlLifetime, context.RequestAborted).ConfigureAwait(false);
        HttpOffloadAnswer answer = _options.Answer == HttpOffloadAnswer.Default ? runtime.Options.HttpAnswer : _options.Answer;
        await OffloadedAnswer.WriteAsync(response, offloaded, answer, context.RequestAborted).ConfigureAwait(false);
        LogOffloaded(_logger, buffered.Length, wireBytes, threshold, source, status, answer);
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
