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

    private PayloadTooLargeException(long size, long maxBytes, string message)
        : base(message)
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

    /// <summary>
    /// An item of an <c>IAsyncEnumerable&lt;T&gt;</c> request for which more JSON was read than
    /// <see cref="ClaimCheckOptions.MaxItemBytes"/> allows: refused while it is read, before it is held whole.
    /// </summary>
    /// <param name="origin">Where the request came from ("inline payload", or the object, rendered safe).</param>
    /// <param name="itemType">The item type.</param>
    /// <param name="index">The item's position in the array.</param>
    /// <param name="read">The bytes read for the item so far.</param>
    /// <param name="maxBytes">The cap.</param>
    internal static PayloadTooLargeException ForItem(string origin, System.Type itemType, long index, long read, long maxBytes)
        => new(
            read,
            maxBytes,
            $"Item {index:N0} of the IAsyncEnumerable<{itemType.Name}> request ({origin}) takes more than {maxBytes:N0} bytes of JSON ({read:N0} read so far); "
            + $"a streamed request holds each item whole while it reads it. Raise {EnvironmentVariables.MaxItemBytes} (ClaimCheckOptions.MaxItemBytes) if items this large are expected.");

    /// <summary>
    /// A streamed payload that has outgrown the parts its store can take (S3: 10,000). The cap is the part size, not
    /// <see cref="ClaimCheckOptions.MaxPayloadBytes"/> (which limits what is read back), so the message names the first
    /// part size and the setting that raises it.
    /// </summary>
    /// <param name="key">The object being written.</param>
    /// <param name="size">The bytes of the payload so far.</param>
    /// <param name="maxParts">The store's limit on the parts of one object.</param>
    /// <param name="firstPartBytes">The size of the first parts (<see cref="PartSchedule"/> doubles it every 1,000 parts).</param>
    internal static PayloadTooLargeException ForParts(string key, long size, int maxParts, long firstPartBytes)
    {
        long capacity = PartSchedule.CapacityOf(maxParts, firstPartBytes);
        return new PayloadTooLargeException(
            size,
            capacity,
            $"The streamed payload '{UntrustedName.Render(key)}' needs more than S3's {maxParts:N0} parts: it is {size:N0} bytes so far, and "
            + $"parts of {firstPartBytes:N0} bytes, doubling every {PartSchedule.PartsPerStep:N0} parts, hold {capacity:N0} bytes. "
            + $"Raise {nameof(S3PayloadStoreOptions)}.{nameof(S3PayloadStoreOptions.PartSizeBytes)} (the first part size) if payloads this large are expected; "
            + $"{EnvironmentVariables.MaxPayloadBytes} caps what is read back, not what S3 can hold.");
    }
}
