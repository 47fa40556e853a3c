namespace PayloadGen;

/// <summary>
/// A pointer names a bucket that is not on the allow-list. Refused before any call to the store, so a sender
/// cannot make the consumer's role read from a bucket of the sender's choosing.
/// </summary>
public sealed class PayloadBucketNotAllowedException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadBucketNotAllowedException(string bucket)
        : base($"The payload pointer names bucket '{UntrustedName.Render(bucket)}', which is not allowed. Allow it with PAYLOADGEN_ALLOWED_BUCKETS (or ClaimCheckOptions.AllowedBuckets) if it is trusted.")
    {
        Bucket = bucket;
    }

    /// <summary>The bucket the pointer named.</summary>
    public string Bucket { get; }
}
