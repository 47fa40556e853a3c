namespace PayloadGen;

/// <summary>A pointer names a key outside the configured prefix, or a key that is not a plain object key.</summary>
public sealed class PayloadKeyNotAllowedException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadKeyNotAllowedException(string bucket, string key, string reason)
        : base($"The payload pointer names key '{UntrustedName.Render(key)}' in bucket '{UntrustedName.Render(bucket)}', which is not allowed: {reason}")
    {
        Bucket = bucket;
        Key = key;
    }

    /// <summary>The bucket the pointer named.</summary>
    public string Bucket { get; }

    /// <summary>The key the pointer named.</summary>
    public string Key { get; }
}
