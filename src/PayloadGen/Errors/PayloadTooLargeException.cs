namespace PayloadGen;

/// <summary>A payload is larger than the configured cap; refused before it is downloaded.</summary>
public sealed class PayloadTooLargeException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadTooLargeException(string description, long size, long maxBytes)
        : base($"{description} is {size:N0} bytes, over the cap of {maxBytes:N0} bytes. Raise PAYLOADGEN_MAX_PAYLOAD_BYTES (ClaimCheckOptions.MaxPayloadBytes) if payloads this large are expected.")
    {
        Size = size;
        MaxBytes = maxBytes;
    }

    /// <summary>The payload's size in bytes.</summary>
    public long Size { get; }

    /// <summary>The configured cap in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>
    /// A stored object over the cap, named by key and bucket (both rendered safe for a log line): whether the size
    /// came from the pointer, the message's attributes or the store, the operator sees which object it was.
    /// </summary>
    internal static PayloadTooLargeException ForObject(PayloadPointer pointer, long size, long maxBytes)
        => new($"The payload object '{UntrustedName.Render(pointer.Key)}' in bucket '{UntrustedName.Render(pointer.Bucket)}'", size, maxBytes);
}
