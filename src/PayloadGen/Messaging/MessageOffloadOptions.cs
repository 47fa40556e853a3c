namespace PayloadGen;

/// <summary>When and how <see cref="ClaimCheckMessageOffloader"/> offloads message bodies.</summary>
public sealed class MessageOffloadOptions
{
    /// <summary>
    /// The largest message, body plus attributes, sent inline (default <see cref="PayloadLimits.SqsMessageBytes"/>,
    /// 1 MiB). Use 262,144 for queues still sized for the old SQS limit, or <see cref="PayloadLimits.SnsMessageBytes"/>
    /// for SNS. For SQS batches it is also the largest total of one batch request, because SQS caps both alike.
    /// </summary>
    public long ThresholdBytes { get; init; } = PayloadLimits.SqsMessageBytes;

    /// <summary>Offload every body whatever its size (the extended clients' <c>alwaysThroughS3</c>).</summary>
    public bool AlwaysOffload { get; init; }

    /// <summary>
    /// Flag offloaded messages with <see cref="MessageAttributeNames.LegacyExtendedPayloadSize"/>
    /// (<c>SQSLargePayloadSize</c>) instead of <see cref="MessageAttributeNames.ExtendedPayloadSize"/>, for
    /// consumers on version 1 of the Java SQS extended client.
    /// </summary>
    public bool UseLegacySizeAttribute { get; init; }

    /// <summary>
    /// The pointer written in place of an offloaded body. <see cref="PointerFormat.ExtendedClient"/> (the default)
    /// is read by the Java and Python extended clients and by PayloadGen, and is flagged with the size attribute.
    /// <see cref="PointerFormat.PayloadGen"/> is a JSON object that carries its own size and SHA-256 and needs no
    /// attributes: use it where there are none (EventBridge, Lambda invoke) or where the body must be an object.
    /// </summary>
    public PointerFormat PointerFormat { get; init; } = PointerFormat.ExtendedClient;
}
