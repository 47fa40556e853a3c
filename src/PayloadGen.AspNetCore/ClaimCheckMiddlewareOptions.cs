using System;

namespace PayloadGen.AspNetCore;

/// <summary>
/// How <c>UseClaimCheck()</c> decides that a response is too large for Lambda and how it answers one that is.
/// Configure with <c>services.AddClaimCheck(options => …)</c>; every property has a working default.
/// </summary>
public sealed class ClaimCheckMiddlewareOptions
{
    /// <summary>
    /// The event source whose response limit applies. <see langword="null"/> (the default) reads it from the Lambda
    /// request that Amazon.Lambda.AspNetCoreServer puts in <c>HttpContext.Items["LambdaRequestObject"]</c>, and takes
    /// <see cref="LambdaHttpEventSource.HttpApi"/> (6 MB) when there is none, e.g. under Kestrel on a workstation.
    /// </summary>
    public LambdaHttpEventSource? EventSource { get; set; }

    /// <summary>
    /// The largest response body passed through, measured as the bytes it takes inside Lambda's JSON response
    /// (base64 for binary or compressed bodies, escaped for text). <see langword="null"/> (the default) takes the event
    /// source's limit minus a margin for the status line, headers and envelope.
    /// </summary>
    public long? ThresholdBytes { get; set; }

    /// <summary>
    /// The largest body buffered at all (default 256 MiB). A handler writing more fails with
    /// <see cref="ResponseBufferLimitExceededException"/> before the response starts, instead of exhausting memory.
    /// </summary>
    public long MaxBufferedBytes { get; set; } = PayloadLimits.DefaultMaxPayloadBytes;

    /// <summary>How a response over the threshold is answered (default <see cref="OffloadedResponseAnswer.SeeOther"/>).</summary>
    public OffloadedResponseAnswer Answer { get; set; } = OffloadedResponseAnswer.SeeOther;

    /// <summary>
    /// How long the presigned URL stays valid. <see langword="null"/> (the default) takes the runtime's
    /// <see cref="ClaimCheckOptions.PresignedUrlLifetime"/> (<c>PAYLOADGEN_PRESIGN_SECONDS</c>), or 15 minutes. The
    /// URL is a bearer token: anyone holding it reads the body until it expires.
    /// </summary>
    public TimeSpan? UrlLifetime { get; set; }

    /// <summary>
    /// The runtime that stores offloaded bodies. <see langword="null"/> (the default) takes a
    /// <see cref="ClaimCheckRuntime"/> registered in the service container, else <see cref="ClaimCheckRuntime.Default"/>,
    /// resolved only when a response is first offloaded.
    /// </summary>
    public ClaimCheckRuntime? Runtime { get; set; }

    /// <summary>Checks that the options can work; called once, when the middleware is created.</summary>
    /// <exception cref="ClaimCheckConfigurationException">They cannot.</exception>
    internal void Validate()
    {
        if (EventSource is LambdaHttpEventSource source && !Enum.IsDefined(source))
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(EventSource)} {(int)source} is not a {nameof(LambdaHttpEventSource)}.");
        }

        if (ThresholdBytes is long threshold && threshold <= 0)
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(ThresholdBytes)} must be positive, not {threshold}.");
        }

        if (MaxBufferedBytes <= 0)
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(MaxBufferedBytes)} must be positive, not {MaxBufferedBytes}.");
        }

        if (!Enum.IsDefined(Answer))
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(Answer)} {(int)Answer} is not an {nameof(OffloadedResponseAnswer)}.");
        }

        if (UrlLifetime is TimeSpan lifetime && (lifetime < TimeSpan.FromSeconds(1) || lifetime > TimeSpan.FromDays(7)))
        {
            throw new ClaimCheckConfigurationException($"{nameof(ClaimCheckMiddlewareOptions)}.{nameof(UrlLifetime)} must be between 1 second and 7 days (S3's limit for presigned URLs), not {lifetime}.");
        }
    }
}
