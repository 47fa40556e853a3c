namespace PayloadGen.AspNetCore;

/// <summary>
/// A response held more than <see cref="ClaimCheckMiddlewareOptions.MaxBufferedBytes"/> in memory (a body that is not
/// stored while it is written: one still under the threshold, one with a status other than 2xx, or any body when the
/// store does not take parts); the write fails before the response starts, so the application's error handling still
/// answers.
/// </summary>
public sealed class ResponseBufferLimitExceededException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public ResponseBufferLimitExceededException(long attemptedBytes, long maxBytes)
        : base($"The response body would hold {attemptedBytes:N0} bytes in memory, over the {maxBytes:N0} bytes UseClaimCheck() buffers (a body still under the threshold, a body with a status other than 2xx, or a body for a store that does not take parts). Raise {nameof(ClaimCheckMiddlewareOptions)}.{nameof(ClaimCheckMiddlewareOptions.MaxBufferedBytes)} if responses this large are expected.")
    {
        AttemptedBytes = attemptedBytes;
        MaxBytes = maxBytes;
    }

    /// <summary>The body's length including the write that failed.</summary>
    public long AttemptedBytes { get; }

    /// <summary>The configured cap.</summary>
    public long MaxBytes { get; }
}
