using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// The batch loop of generated SQS and SNS handlers: hydrates each record's body (inline JSON, a PayloadGen
/// pointer, or an extended-client pointer), calls the handler, and reports exactly the records that failed.
/// Nothing is lost: a failed record's object is kept, and records that cannot run before the deadline are
/// reported failed so the queue delivers them again.
/// </summary>
internal static class QueueBatchProcessor
{
    public static async ValueTask<Stream> ProcessSqsAsync<T>(
        ClaimCheckRuntime runtime,
        Stream input,
        JsonTypeInfo<T> typeInfo,
        bool allowBarePointer,
        Func<T?, QueueMessageContext, CancellationToken, ValueTask> handler,
        ClaimCheckBatchOptions options,
        CancellationToken cancellationToken)
    {
        SqsEvent sqsEvent = await ParseEventAsync(input, LambdaEventJsonContext.Default.SqsEvent, "an SQS event").ConfigureAwait(false);
        var records = new List<QueueRecord>(sqsEvent.Records?.Count ?? 0);
        foreach (SqsRecord record in sqsEvent.Records ?? [])
        {
            if (string.IsNullOrEmpty(record.MessageId))
            {
                throw new ClaimCheckEventException("An SQS record has no messageId; the invocation payload is not an SQS event as Lambda delivers it.");
            }

            string body = record.Body ?? string.Empty;
            IReadOnlyDictionary<string, string> messageAttributes = QueueMessageContext.Flatten(record.MessageAttributes, attribute => attribute.StringValue);
            string? topicArn = null;
            if (options.UnwrapSnsNotifications && TryReadSnsNotification(body, out SnsNotification? notification))
            {
                // SNS → SQS without raw message delivery: the published message, and its flag attributes, are inside.
                body = notification!.Message!;
                messageAttributes = QueueMessageContext.Flatten(notification.MessageAttributes, attribute => attribute.Value);
                topicArn = notification.TopicArn;
            }

            records.Add(new QueueRecord(
                new QueueMessageContext(PayloadSource.Sqs, record.MessageId, record.EventSourceArn, record.Attributes, messageAttributes, topicArn),
                body));
        }

        Exception?[] errors = await RunAsync(runtime, records, typeInfo, allowBarePointer, handler, options, cancellationToken).ConfigureAwait(false);
        return BatchResponse(records, errors);
    }

    public static async ValueTask<Stream> ProcessSnsAsync<T>(
        ClaimCheckRuntime runtime,
        Stream input,
        JsonTypeInfo<T> typeInfo,
        bool allowBarePointer,
        Func<T?, QueueMessageContext, CancellationToken, ValueTask> handler,
        ClaimCheckBatchOptions options,
        CancellationToken cancellationToken)
    {
        SnsEvent snsEvent = await ParseEventAsync(input, LambdaEventJsonContext.Default.SnsEvent, "an SNS event").ConfigureAwait(false);
        var records = new List<QueueRecord>(snsEvent.Records?.Count ?? 0);
        foreach (SnsRecord record in snsEvent.Records ?? [])
        {
            SnsNotification sns = record.Sns ?? throw new ClaimCheckEventException("An SNS record has no Sns object; the invocation payload is not an SNS event as Lambda delivers it.");
            if (string.IsNullOrEmpty(sns.MessageId))
            {
                throw new ClaimCheckEventException("An SNS record has no MessageId; the invocation payload is not an SNS event as Lambda delivers it.");
            }

            records.Add(new QueueRecord(
                new QueueMessageContext(PayloadSource.Sns, sns.MessageId, record.EventSubscriptionArn, null, QueueMessageContext.Flatten(sns.MessageAttributes, attribute => attribute.Value), sns.TopicArn),
                sns.Message ?? string.Empty));
        }

        Exception?[] errors = await RunAsync(runtime, records, typeInfo, allowBarePointer, handler, options, cancellationToken).ConfigureAwait(false);
        var failed = new List<string>();
        Exception? first = null;
        for (int i = 0; i < records.Count; i++)
        {
            if (errors[i] is Exception error)
            {
                failed.Add(records[i].Context.MessageId);
                first ??= error;
            }
        }

        return first is null ? Stream.Null : throw new ClaimCheckBatchException(failed, first);
    }

    private static async Task<Exception?[]> RunAsync<T>(
        ClaimCheckRuntime runtime,
        List<QueueRecord> records,
        JsonTypeInfo<T> typeInfo,
        bool allowBarePointer,
        Func<T?, QueueMessageContext, CancellationToken, ValueTask> handler,
        ClaimCheckBatchOptions options,
        CancellationToken cancellationToken)
    {
        var errors = new Exception?[records.Count];
        bool delete = options.DeletePayloadAfterProcessing ?? runtime.Options.DeletePayloadAfterProcessing;

        // Records sharing an ordering key (a FIFO message group) run one after the other in delivery order; once
        // one fails, the rest of its group is reported failed unprocessed, so the group's order holds on redelivery.
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<List<int>>();
        for (int i = 0; i < records.Count; i++)
        {
            if (!groups.TryGetValue(records[i].OrderingKey, out List<int>? group))
            {
                group = new List<int>();
                groups.Add(records[i].OrderingKey, group);
                order.Add(group);
            }

            group.Add(i);
        }

        await Parallel.ForEachAsync(
            order,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency) },
            async (group, _) =>
            {
                Exception? groupFailure = null;
                foreach (int index in group)
                {
                    QueueRecord record = records[index];
                    if (groupFailure is not null)
                    {
                        errors[index] = new OperationCanceledException($"Not processed: an earlier message of FIFO group '{record.Context.MessageGroupId}' failed.", groupFailure);
                        continue;
                    }

                    if (cancellationToken.IsCancellationRequested)
                    {
                        errors[index] = new OperationCanceledException("Not processed: the Lambda deadline is near.", null, cancellationToken);
                        continue;
                    }

                    try
                    {
                        await ProcessRecordAsync(runtime, record, typeInfo, allowBarePointer, handler, delete, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        errors[index] = ex;
                        runtime.ReportFailure(record.Context, ex);
                        if (record.Context.MessageGroupId is not null)
                        {
                            groupFailure = ex;
                        }
                    }
                }
            }).ConfigureAwait(false);
        return errors;
    }

    private static async Task ProcessRecordAsync<T>(
        ClaimCheckRuntime runtime,
        QueueRecord record,
        JsonTypeInfo<T> typeInfo,
        bool allowBarePointer,
        Func<T?, QueueMessageContext, CancellationToken, ValueTask> handler,
        bool delete,
        CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> attributes = record.Context.MessageAttributes;
        long? announcedSize = AnnouncedSize(attributes);
        attributes.TryGetValue(MessageAttributeNames.PayloadSha256, out string? sha256);

        byte[] body = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(record.Body.Length));
        T? value;
        PayloadPointer? pointer;
        try
        {
            int length = Encoding.UTF8.GetBytes(record.Body, body);
            (value, pointer) = await runtime.HydrateMessageAsync(body.AsMemory(0, length), typeInfo, allowBarePointer, announcedSize, sha256, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }

        record.Context.Pointer = pointer;
        await handler(value, record.Context, cancellationToken).ConfigureAwait(false);

        // Only an object whose SHA-256 the message carried is deleted: knowing the hash proves the sender wrote (or
        // read) that very content. A bare key — all an extended-client pointer holds — is not enough, or anyone who
        // can send to the queue could delete other messages' payloads by naming their keys.
        if (delete && pointer is { Sha256: not null })
        {
            try
            {
                await runtime.Store.DeleteAsync(pointer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ClaimCheckException or IOException)
            {
                // The message was processed; failing it now would process it twice. The lifecycle rule removes the object.
                runtime.ReportFailure(record.Context, ex);
            }
        }
    }

    private static long? AnnouncedSize(IReadOnlyDictionary<string, string> attributes)
    {
        string? value = attributes.TryGetValue(MessageAttributeNames.ExtendedPayloadSize, out string? size) ? size
            : attributes.TryGetValue(MessageAttributeNames.LegacyExtendedPayloadSize, out string? legacy) ? legacy
            : null;
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes)
            ? bytes
            : throw new MalformedPointerException($"The {MessageAttributeNames.ExtendedPayloadSize} attribute must be a whole number of bytes.");
    }

    private static bool TryReadSnsNotification(string body, out SnsNotification? notification)
    {
        notification = null;
        ReadOnlySpan<char> trimmed = body.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{' || !body.Contains("\"TopicArn\"", StringComparison.Ordinal) || !body.Contains("Notification", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            notification = JsonSerializer.Deserialize(body, LambdaEventJsonContext.Default.SnsNotification);
        }
        catch (JsonException)
        {
            return false;
        }

        return notification is { Type: "Notification", MessageId: not null, Message: not null }
            && notification.TopicArn?.StartsWith("arn:", StringComparison.Ordinal) == true;
    }

    // Not cancellable: the event is already in memory, and a deadline that has passed must still produce a batch
    // response that reports every record for redelivery.
    private static async ValueTask<TEvent> ParseEventAsync<TEvent>(Stream input, JsonTypeInfo<TEvent> typeInfo, string expected)
        where TEvent : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(input, typeInfo, CancellationToken.None).ConfigureAwait(false)
                ?? throw new ClaimCheckEventException($"The invocation payload is null, not {expected}.");
        }
        catch (JsonException ex)
        {
            throw new ClaimCheckEventException($"The invocation payload is not {expected} (at {UntrustedName.Render(ex.Path)}). Check the function's event source.", ex);
        }
    }

    private static MemoryStream BatchResponse(List<QueueRecord> records, Exception?[] errors)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("batchItemFailures");
            for (int i = 0; i < records.Count; i++)
            {
                if (errors[i] is not null)
                {
                    writer.WriteStartObject();
                    writer.WriteString("itemIdentifier", records[i].Context.MessageId);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.Position = 0;
        return stream;
    }
}
