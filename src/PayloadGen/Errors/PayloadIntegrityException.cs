namespace PayloadGen;

/// <summary>
/// What was read from the store does not match the pointer: a different length or SHA-256. The object was
/// truncated or altered after it was written; nothing read from it reaches the handler.
/// </summary>
public sealed class PayloadIntegrityException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadIntegrityException(string bucket, string key, string detail)
        : base($"The payload object '{UntrustedName.Render(key)}' in bucket '{UntrustedName.Render(bucket)}' failed its integrity check: {detail}. The object was truncated or modified after it was written.")
    {
        Bucket = bucket;
        Key = key;
    }

    /// <summary>The bucket of the object.</summary>
    public string Bucket { get; }

    /// <summary>The key of the object.</summary>
    public string Key { get; }
}
