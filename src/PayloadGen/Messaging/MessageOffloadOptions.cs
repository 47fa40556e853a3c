using System;

namespace PayloadGen;

/// <summary>
/// When and how <see cref="ClaimCheckMessageOffloader"/> offloads message bodies. The defaults suit SQS; start from
/// <see cref="ForSnsTopic"/> or <see cref="ForEventBridge"/> for those transports, whose limits differ.
/// </summary>
public sealed class MessageOffloadOptions
{
    /// <summary>
    /// The largest message, body plus attributes, sent inline (default <see cref="PayloadLimits.SqsMessageBytes"/>,
    /// 1 MiB). Use 262,144 for queues still sized for the old SQS limit, or <see cref="ForSnsTopic"/> for SNS. For SQS
    /// batches it is also the largest total of one batch request, because SQS caps both alike.
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

    /// <summary>
    /// Options for publishing to an SNS topic whose maximum message size is <paramref name="topicMaximumMessageBytes"/>:
    /// 256 KiB unless the topic's limit was raised (up to 1 MiB, per topic). Take it from the topic's configuration,
    /// not from the newest limit: a message over the topic's own limit is rejected.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not between 1 byte and 1 MiB.</exception>
    public static MessageOffloadOptions ForSnsTopic(long topicMaximumMessageBytes = PayloadLimits.SnsMessageBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topicMaximumMessageBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topicMaximumMessageBytes, PayloadLimits.SnsRaisedMessageBytes);
        return new MessageOffloadOptions { ThresholdBytes = topicMaximumMessageBytes };
    }

    /// <summary>
    /// Options for an EventBridge <c>PutEvents</c> entry: its 1 MB limit, and the PayloadGen pointer, a JSON object
    /// that needs no attributes (an entry has none, and its <c>Detail</c> must be an object). Leave room for the
    /// entry's other fields with <paramref name="reservedBytes"/>: EventBridge counts them too.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reservedBytes"/> leaves no room for a body.</exception>
    public static MessageOffloadOptions ForEventBridge(long reservedBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reservedBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reservedBytes, PayloadLimits.EventBridgeEntryBytes);
        return new MessageOffloadOptions { ThresholdBytes = PayloadLimits.EventBridgeEntryBytes - reservedBytes, PointerFormat = PointerFormat.PayloadGen };
    }
}
