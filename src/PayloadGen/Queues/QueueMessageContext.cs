using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayloadGen;

/// <summary>
/// What a queue or topic handler may want to know about the message besides its payload. Declare a parameter of
/// this type on a <c>[ClaimCheck(Source = PayloadSource.Sqs)]</c> or <c>Sns</c> handler to receive it.
/// </summary>
public sealed class QueueMessageContext
{
    private static readonly IReadOnlyDictionary<string, string> s_empty = new Dictionary<string, string>();

    internal QueueMessageContext(
        PayloadSource source,
        string messageId,
        string? eventSourceArn,
        IReadOnlyDictionary<string, string>? attributes,
        IReadOnlyDictionary<string, string>? messageAttributes,
        string? topicArn)
    {
        Source = source;
        MessageId = messageId;
        EventSourceArn = eventSourceArn;
        Attributes = attributes ?? s_empty;
        MessageAttributes = messageAttributes ?? s_empty;
        TopicArn = topicArn;
    }

    /// <summary>Where the message came from: <see cref="PayloadSource.Sqs"/> or <see cref="PayloadSource.Sns"/>.</summary>
    public PayloadSource Source { get; }

    /// <summary>The SQS message id (the id reported in <c>batchItemFailures</c>), or the SNS message id.</summary>
    public string MessageId { get; }

    /// <summary>The queue ARN (SQS) or subscription ARN (SNS).</summary>
    public string? EventSourceArn { get; }

    /// <summary>The topic ARN, for SNS messages and SNS notifications delivered through SQS.</summary>
    /// <remarks>
    /// For a notification delivered through SQS it is read from the message body, which anyone allowed to send to the
    /// queue can write as well as the topic can (PayloadGen does not verify SNS signatures): the queue's access policy,
    /// not this value, says who may have sent the message. Do not authorize on it.
    /// </remarks>
    public string? TopicArn { get; }

    /// <summary>SQS system attributes (ApproximateReceiveCount, SentTimestamp, MessageGroupId, …).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>Message attributes by name, as their string values.</summary>
    public IReadOnlyDictionary<string, string> MessageAttributes { get; }

    /// <summary>How many times SQS has delivered this message (1 on first delivery; 1 for SNS).</summary>
    public int ReceiveCount
        => Attributes.TryGetValue("ApproximateReceiveCount", out string? count)
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : 1;

    /// <summary>The FIFO message group, or <see langword="null"/> on a standard queue.</summary>
    public string? MessageGroupId => Attributes.TryGetValue(MessageGroupIdAttribute, out string? group) ? group : null;

    /// <summary>The SQS system attribute that names a FIFO message's group.</summary>
    internal const string MessageGroupIdAttribute = "MessageGroupId";

    /// <summary>The stored object the payload was read from, or <see langword="null"/> when it was inline.</summary>
    public PayloadPointer? Pointer { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Source} message '{UntrustedName.Render(MessageId)}'";

    internal static IReadOnlyDictionary<string, string> Flatten<TAttribute>(Dictionary<string, TAttribute>? attributes, Func<TAttribute, string?> value)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return s_empty;
        }

        var flat = new Dictionary<string, string>(attributes.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, TAttribute> pair in attributes)
        {
            if (value(pair.Value) is string text)
            {
                flat[pair.Key] = text;
            }
        }

        return flat;
    }
}
