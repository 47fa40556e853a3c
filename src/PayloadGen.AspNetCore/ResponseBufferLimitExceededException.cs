namespace PayloadGen.AspNetCore;

/// <summary>
/// A handler wrote more than <see cref="ClaimCheckMiddlewareOptions.MaxBufferedBytes"/>; the write fails before the
/// response starts, so the application's error handling still answers.
/// </summary>
public sealed class ResponseBufferLimitExceededException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public ResponseBufferLimitExceededException(long attemptedBytes, long maxBytes)
        : base($"The response body reached {attemptedBytes:N0} bytes, over the {maxBytes:N0} bytes UseClaimCheck() buffers. Raise {nameof(ClaimCheckMiddlewareOptions)}.{nameof(ClaimCheckMiddlewareOptions.MaxBufferedBytes)} if responses this large are expected.")
    {
        AttemptedBytes = attemptedBytes;
        MaxBytes = maxBytes;
    }

    /// <summary>The body's length including the write that failed.</summary>
    public long AttemptedBytes { get; }

    /// <summary>The configured cap.</summary>
    public long MaxBytes { get; }
}
