using System;

namespace PayloadGen;

/// <summary>
/// The store failed to read, write, delete or presign a payload object (throttling, network, permissions, an
/// unreachable endpoint). The inner exception is the store's or the network's own error.
/// </summary>
public sealed class PayloadStoreException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed <paramref name="operation"/> on one object.</summary>
    /// <param name="operation">What was attempted, as a verb: "write", "open", "delete"….</param>
    /// <param name="bucket">The object's bucket; escaped in the message.</param>
    /// <param name="key">The object's key; escaped in the message.</param>
    /// <param name="detail">Why, in words that are safe to log (an error code, an exception type).</param>
    /// <param name="innerException">The store's or the network's error.</param>
    public PayloadStoreException(string operation, string bucket, string key, string detail, Exception? innerException)
        : base($"Could not {operation} payload object '{UntrustedName.Render(key)}' in bucket '{UntrustedName.Render(bucket)}': {detail}", innerException)
    {
        Operation = operation;
        Bucket = bucket;
        Key = key;
    }

    /// <summary>What was attempted, when the exception names one object.</summary>
    public string? Operation { get; }

    /// <summary>The bucket of the object, when the exception names one.</summary>
    public string? Bucket { get; }

    /// <summary>The key of the object, when the exception names one.</summary>
    public string? Key { get; }
}
