using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PayloadGen;

/// <summary>
/// Reads the SQS and SNS events Lambda delivers into the records a batch processes. The whole event is read in one
/// pass; only when that fails is each record read on its own, so one malformed record fails alone when it has an id
/// to be reported by, and is counted (never dropped) when it has none.
/// </summary>
internal static class QueueEventReader
{
    private const string SqsEventName = "an SQS event";
    private const string SnsEventName = "an SNS event";

    /// <summary>Reads an SQS event; SNS notifications inside bodies are unwrapped when <paramref name="unwrapSnsNotifications"/>.</summary>
    /// <exception cref="ClaimCheckEventException">The payload is not an SQS event at all.</exception>
    public static QueueEvent ReadSqs(ReadOnlySpan<byte> json, bool unwrapSnsNotifications)
    {
        var queueEvent = new QueueEvent([], []);
        SqsEvent? typed = TryDeserialize(json, LambdaEventJsonContext.Default.SqsEvent, SqsEventName);
        if (typed is not null)
        {
            int position = 0;
            foreach (SqsRecord? record in typed.Records ?? throw NoRecords(SqsEventName))
            {
                position++;
                AddSqs(queueEvent, position, record, unwrapSnsNotifications);
            }

            return queueEvent;
        }

        int index = 0;
        foreach (JsonElement element in ReadRecords(json, SqsEventName))
        {
            index++;
            try
            {
                AddSqs(queueEvent, index, element.Deserialize(LambdaEventJsonContext.Default.SqsRecord), unwrapSnsNotifications);
            }
            catch (JsonException)
            {
                AddUnreadable(queueEvent, index, PayloadSource.Sqs, StringProperty(element, "messageId"), "SQS record", StringProperty(Property(element, "attributes"), QueueMessageContext.MessageGroupIdAttribute));
            }
        }

        return queueEvent;
    }

    /// <summary>Reads an SNS event.</summary>
    /// <exception cref="ClaimCheckEventException">The payload is not an SNS event at all.</exception>
    public static QueueEvent ReadSns(ReadOnlySpan<byte> json)
    {
        var queueEvent = new QueueEvent([], []);
        SnsEvent? typed = TryDeserialize(json, LambdaEventJsonContext.Default.SnsEvent, SnsEventName);
        if (typed is not null)
        {
            int position = 0;
            foreach (SnsRecord? record in typed.Records ?? throw NoRecords(SnsEventName))
            {
                position++;
                AddSns(queueEvent, position, record);
            }

            return queueEvent;
        }

        int index = 0;
        foreach (JsonElement element in ReadRecords(json, SnsEventName))
        {
            index++;
            try
            {
                AddSns(queueEvent, index, element.Deserialize(LambdaEventJsonContext.Default.SnsRecord));
            }
            catch (JsonException)
            {
                AddUnreadable(queueEvent, index, PayloadSource.Sns, StringProperty(Property(element, "Sns"), "MessageId"), "SNS record");
            }
        }

        return queueEvent;
    }

    private static void AddSqs(QueueEvent queueEvent, int position, SqsRecord? record, bool unwrapSnsNotifications)
    {
        if (string.IsNullOrEmpty(record?.MessageId))
        {
            queueEvent.UnnamedRecords.Add(position);
            return;
        }

        string body = record.Body ?? string.Empty;
        IReadOnlyDictionary<string, string> messageAttributes = QueueMessageContext.Flatten(record.MessageAttributes, attribute => attribute.StringValue);
        string? topicArn = null;
        SnsNotification? notification = unwrapSnsNotifications ? ReadSnsNotification(body) : null;
        if (notification is not null)
        {
            // SNS → SQS without raw message delivery: the published message, and its flag attributes, are inside.
            body = notification.Message!;
            messageAttributes = QueueMessageContext.Flatten(notification.MessageAttributes, attribute => attribute.Value);
            topicArn = notification.TopicArn;
        }

        queueEvent.Records.Add(new QueueRecord(
            new QueueMessageContext(PayloadSource.Sqs, record.MessageId, record.EventSourceArn, record.Attributes, messageAttributes, topicArn),
            body));
    }

    private static void AddSns(QueueEvent queueEvent, int position, SnsRecord? record)
    {
        SnsNotification? sns = record?.Sns;
        if (sns is null || string.IsNullOrEmpty(sns.MessageId))
        {
            queueEvent.UnnamedRecords.Add(position);
            return;
        }

        queueEvent.Records.Add(new QueueRecord(
            new QueueMessageContext(PayloadSource.Sns, sns.MessageId, record!.EventSubscriptionArn, null, QueueMessageContext.Flatten(sns.MessageAttributes, attribute => attribute.Value), sns.TopicArn),
            sns.Message ?? string.Empty));
    }

    private static void AddUnreadable(QueueEvent queueEvent, int position, PayloadSource source, string? messageId, string what, string? messageGroupId = null)
    {
        if (string.IsNullOrEmpty(messageId))
        {
            queueEvent.UnnamedRecords.Add(position);
            return;
        }

        // A FIFO record keeps its group even when nothing else of it can be read: its failure must hold back the later
        // messages of the group, or they would be processed ahead of it when it is redelivered.
        Dictionary<string, string>? attributes = messageGroupId is null ? null : new(StringComparer.Ordinal) { [QueueMessageContext.MessageGroupIdAttribute] = messageGroupId };

        // The reader's own exception is left out: its path and message can quote sender-chosen attribute names.
        queueEvent.Records.Add(new QueueRecord(
            new QueueMessageContext(source, messageId, null, attributes, null, null),
            string.Empty,
            new ClaimCheckEventException($"The {what} at position {position} is not a record as Lambda delivers it; it is reported failed without running the handler.")));
    }

    // Plain locals and no out variables declared inside expressions in this file: Stryker.NET cannot place its
    // mutants around them and drops every mutant of the method as a compile error, leaving it unmeasured.
    private static string? StringProperty(JsonElement element, string name)
    {
        JsonElement value = Property(element, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>The property <paramref name="name"/> of an object, or an undefined element.</summary>
    private static JsonElement Property(JsonElement element, string name)
    {
        JsonElement value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) ? value : default;
    }

    private static ClaimCheckEventException NoRecords(string expected) => new($"The invocation payload is not {expected}: it has no Records.");

    private static TEvent? TryDeserialize<TEvent>(ReadOnlySpan<byte> json, JsonTypeInfo<TEvent> typeInfo, string expected)
        where TEvent : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo) ?? throw new ClaimCheckEventException($"The invocation payload is null, not {expected}.");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<JsonElement> ReadRecords(ReadOnlySpan<byte> json, string expected)
    {
        try
        {
            return JsonSerializer.Deserialize(json, LambdaEventJsonContext.Default.LambdaEventRecords)?.Records ?? throw NoRecords(expected);
        }
        catch (JsonException ex)
        {
            // Path by the schema: names the sender chose are withheld, not quoted.
            RedactedJsonException redacted = RedactedJsonException.From(ex, LambdaEventJsonContext.Default.LambdaEventRecords);
            throw new ClaimCheckEventException($"The invocation payload is not {expected} (at {redacted.Path}: {redacted.Reason}). Check the function's event source.", redacted);
        }
    }

    /// <summary>The SNS notification <paramref name="body"/> holds, or <see langword="null"/> when it is the message itself.</summary>
    private static SnsNotification? ReadSnsNotification(string body)
    {
        // A cheap look first: most bodies are not envelopes, and need not be parsed twice.
        ReadOnlySpan<char> trimmed = body.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{' || !body.Contains("\"TopicArn\"", StringComparison.Ordinal) || !body.Contains("Notification", StringComparison.Ordinal))
        {
            return null;
        }

        SnsNotification? notification;
        try
        {
            notification = JsonSerializer.Deserialize(body, LambdaEventJsonContext.Default.SnsNotification);
        }
        catch (JsonException)
        {
            return null;
        }

        bool isNotification = notification is { Type: "Notification", MessageId: not null, Message: not null }
            && notification.TopicArn?.StartsWith("arn:", StringComparison.Ordinal) == true;
        return isNotification ? notification : null;
    }
}
