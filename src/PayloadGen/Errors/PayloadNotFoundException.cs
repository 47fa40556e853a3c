using System;

namespace PayloadGen;

/// <summary>The object a pointer names does not exist (deleted, expired by a lifecycle rule, or never written).</summary>
public sealed class PayloadNotFoundException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadNotFoundException(string bucket, string key, Exception? innerException = null)
        : base($"The payload object '{UntrustedName.Render(key)}' in bucket '{UntrustedName.Render(bucket)}' does not exist. It may have been deleted after an earlier successful delivery or expired by a lifecycle rule.", innerException)
    {
        Bucket = bucket;
        Key = key;
    }

    /// <summary>The bucket the pointer named.</summary>
    public string Bucket { get; }

    /// <summary>The key the pointer named.</summary>
    public string Key { get; }
}
