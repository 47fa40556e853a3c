using System;

namespace PayloadGen.AspNetCore;

/// <summary>
/// How <c>UseClaimCheck()</c> decides that a response is too large for Lambda and how it answers one that is.
/// Configure with <c>services.AddClaimCheck(options => …)</c>; every property has a working default. The middleware
/// checks and freezes them when it is created, like a runtime its <see cref="ClaimCheckOptions"/>: from then on every
/// setter throws.
/// </summary>
public sealed class ClaimCheckMiddlewareOptions
{
    private PayloadSource? _eventSource;
    private long? _thresholdBytes;
    private long _maxBufferedBytes = PayloadLimits.DefaultMaxPayloadBytes;
    private HttpOffloadAnswer _answer = HttpOffloadAnswer.Default;
    private TimeSpan? _urlLifetime;
    private ClaimCheckRuntime? _runtime;

    /// <summary>Whether the options are frozen: a middleware uses them, and every setter throws.</summary>
    public bool IsReadOnly { get; private set; }
    /// <summary>
    /// The event source whose response limit applies: <see cref="PayloadSource.ApiGatewayRest"/>,
    /// <see cref="PayloadSource.ApiGatewayHttp"/>, <see cref="PayloadSource.FunctionUrl"/> (6 MB) or
    /// <see cref="PayloadSource.ApplicationLoadBalancer"/> (1 MB); the counterpart of Amazon.Lambda.AspNetCoreServer.Hosting's
    /// <c>LambdaEventSource</c>. <see langword="null"/> (the default) reads it from the Lambda request that
    /// Amazon.Lambda.AspNetCoreServer keeps in <c>HttpContext.Items["LambdaRequestObject"]</c>, and takes
    /// <see cref="PayloadSource.ApiGatewayHttp"/> when there is none (Kestrel on a workstation).
    /// </summary>
    public PayloadSource? EventSource { get => _eventSource; set => Set(ref _eventSource, value); }

    /// <summary>
    /// The largest response body passed through, measured as the bytes it takes inside Lambda's JSON response
    /// (base64 for binary or compressed bodies, escaped for text). <see langword="null"/> (the default) takes the
    /// runtime's <see cref="ClaimCheckOptions.InlineThresholdBytes"/> (<c>PAYLOADGEN_INLINE_THRESHOLD_BYTES</c>), else
    /// the event source's limit minus a margin for the status, headers and envelope. Never above the source's limit.
    /// </summary>
    public long? ThresholdBytes { get => _thresholdBytes; set => Set(ref _thresholdBytes, value); }

    /// <summary>
    /// The most a response may hold in memory (default 256 MiB): a body that is not stored while it is written — one
    /// with a status other than 2xx (or 206), or any body when the store does not take parts. A 2xx body stored in S3
    /// is not bounded by it: past the threshold it streams into a multipart upload and holds only the threshold and the
    /// parts in flight, however it is written (a <c>BodyWriter</c> that is never flushed included: its bytes move into
    /// the upload every 1 MiB, or half this cap when that is smaller). A handler exceeding it fails with
    /// <see cref="ResponseBufferLimitExceededException"/> before the response starts, instead of exhausting memory.
    /// Lambda runs one request at a time per instance; a server that runs many at once (Kestrel outside Lambda) holds
    /// up to this much for each, so lower it there.
    /// </summary>
    public long MaxBufferedBytes { get => _maxBufferedBytes; set => Set(ref _maxBufferedBytes, value); }

    /// <summary>
    /// How a response over the threshold is answered once its body is stored: <c>303 See Other</c>,
    /// <c>307 Temporary Redirect</c> (GET endpoints only: clients repeat the method, and a presigned GET URL refuses a
    /// POST) or the handler's status with a JSON pointer that carries the URL. <see cref="HttpOffloadAnswer.Default"/>
    /// takes the runtime's <see cref="ClaimCheckOptions.HttpAnswer"/> (<c>PAYLOADGEN_HTTP_ANSWER</c>, default 303).
    /// </summary>
    public HttpOffloadAnswer Answer { get => _answer; set => Set(ref _answer, value); }

    /// <summary>
    /// How long the presigned URL stays valid. <see langword="null"/> (the default) takes the runtime's
    /// <see cref="ClaimCheckRuntime.HttpUrlLifetime"/> (<c>PAYLOADGEN_PRESIGN_SECONDS</c>, else 15 minutes). The URL
    /// is a bearer token: anyone holding it reads the body until it expires.
    /// </summary>
    public TimeSpan? UrlLifetime { get => _urlLifetime; set => Set(ref _urlLifetime, value); }

    /// <summary>
    /// The runtime that stores offloaded bodies. <see langword="null"/> (the default) takes a
    /// <see cref="ClaimCheckRuntime"/> registered in the service container, else <see cref="ClaimCheckRuntime.Default"/>.
    /// Its S3 client is created only when a body is stored, so responses within the limit need no AWS credentials.
    /// </summary>
    public ClaimCheckRuntime? Runtime { get => _runtime; set => Set(ref _runtime, value); }

    /// <summary>Checks that the options can work; called once, when the middleware is created.</summary>
    /// <exception cref="ClaimCheckConfigurationException">They cannot.</exception>
    internal void Validate()
    {
        if (EventSource is PayloadSource source && !LambdaRequestSource.IsHttp(source))
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(EventSource)} must be an HTTP source (ApiGatewayRest, ApiGatewayHttp, FunctionUrl or ApplicationLoadBalancer), not {source}.");
        }

        if (ThresholdBytes is long threshold && threshold <= 0)
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(ThresholdBytes)} must be positive, not {threshold}.");
        }

        if (MaxBufferedBytes <= 0)
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(MaxBufferedBytes)} must be positive, not {MaxBufferedBytes}.");
        }

        if (Answer is not (HttpOffloadAnswer.Default or HttpOffloadAnswer.SeeOther or HttpOffloadAnswer.TemporaryRedirect or HttpOffloadAnswer.Json))
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(Answer)} must be Default, SeeOther, TemporaryRedirect or Json, not {Answer}.");
        }

        if (UrlLifetime is TimeSpan lifetime && (lifetime < TimeSpan.FromSeconds(1) || lifetime > TimeSpan.FromDays(7)))
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(UrlLifetime)} must be between 1 second and 7 days (S3's limit for presigned URLs), not {lifetime}.");
        }
    }

    /// <summary>Freezes the options; calling it again does nothing.</summary>
    internal void MakeReadOnly() => IsReadOnly = true;

    private void Set<T>(ref T field, T value)
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"{nameof(ClaimCheckMiddlewareOptions)} are in use by the claim-check middleware and can no longer change; configure them in services.AddClaimCheck(…).");
        }

        field = value;
    }
}
