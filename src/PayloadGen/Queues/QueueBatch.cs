using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// One invocation of a generated SQS or SNS handler: the batch loop. It holds what every record shares (the
/// runtime, the message type, the handler, the options, the deadline), hydrates each record's body through the
/// runtime's one hydration core (inline JSON, a PayloadGen pointer, or an extended-client pointer), calls the
/// handler, and reports exactly the records that failed. Nothing is lost: a failed record's object is kept, and
/// records that cannot run before the deadline are reported failed so the queue delivers them again.
/// </summary>
internal sealed class QueueBatch<T>
{
    private readonly ClaimCheckRuntime _runtime;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly bool _allowBarePointer;
    private readonly Func<T?, QueueMessageContext, CancellationToken, ValueTask> _handler;
    private readonly ClaimCheckBatchOptions _options;
    private readonly bool _deleteAfterProcessing;
    private readonly CancellationToken _cancellationToken;

    public QueueBatch(
        ClaimCheckRuntime runtime,
        JsonTypeInfo<T> typeInfo,
        bool allowBarePointer,
        Func<T?, QueueMessageContext, CancellationToken, ValueTask> handler,
        ClaimCheckBatchOptions options,
        CancellationToken cancellationToken)
    {
        _runtime = runtime;
        _typeInfo = typeInfo;
        _allowBarePointer = allowBarePointer;
        _handler = handler;
        _options = options;
        _deleteAfterProcessing = options.DeletePayloadAfterProcessing ?? runtime.Options.DeletePayloadAfterProcessing;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Processes an SQS event; returns the partial batch response.</summary>
    /// <exception cref="ClaimCheckEventException">
    /// The payload is not an SQS event, or a record has no <c>messageId</c> (thrown after the others ran, so Lambda
    /// delivers the whole batch again rather than deleting a record nobody could report).
    /// </exception>
    public async ValueTask<Stream> ProcessSqsAsync(Stream input)
    {
        QueueEvent queueEvent = await ReadEventAsync(input, json => QueueEventReader.ReadSqs(json, _options.UnwrapSnsNotifications)).ConfigureAwait(false);
        Exception?[] errors = await RunAsync(queueEvent.Records).ConfigureAwait(false);
        if (queueEvent.UnnamedRecords.Count > 0)
        {
            throw new ClaimCheckEventException(
                $"SQS record(s) at position {string.Join(", ", queueEvent.UnnamedRecords)} have no messageId, so batchItemFailures cannot name them; "
                + $"the invocation fails so Lambda delivers the whole batch again ({queueEvent.Records.Count} other record(s) ran, {CountFailed(errors)} of them failed).");
        }

        return BatchResponse(queueEvent.Records, errors);
    }

    /// <summary>
    /// Processes an SNS event. SNS has no partial batch response: when any record fails (or has no id), the others
    /// still run, then a <see cref="ClaimCheckBatchException"/> fails the invocation so Lambda retries it.
    /// </summary>
    public async ValueTask<Stream> ProcessSnsAsync(Stream input)
    {
        QueueEvent queueEvent = await ReadEventAsync(input, QueueEventReader.ReadSns).ConfigureAwait(false);
        Exception?[] errors = await RunAsync(queueEvent.Records).ConfigureAwait(false);
        var failed = new List<string>();
        Exception? first = null;
        for (int i = 0; i < queueEvent.Records.Count; i++)
        {
            Exception? error = errors[i];
            if (error is not null)
            {
                failed.Add(queueEvent.Records[i].Context.MessageId);
                first ??= error;
            }
        }

        foreach (int position in queueEvent.UnnamedRecords)
        {
            failed.Add($"(record {position}: no MessageId)");
            first ??= new ClaimCheckEventException($"The SNS record at position {position} has no MessageId; the invocation payload is not an SNS event as Lambda delivers it.");
        }

        return first is null ? Stream.Null : throw new ClaimCheckBatchException(failed, first);
    }

    // Not cancellable: the event is already in memory, and a deadline that has passed must still produce a batch
    // response that reports every record for redelivery.
    private async ValueTask<QueueEvent> ReadEventAsync(Stream input, QueueEventParser read)
    {
        using ContiguousPayload payload = await ContiguousPayload.ReadAsync(input, _runtime.Options.MaxPayloadBytes, CancellationToken.None).ConfigureAwait(false);
        return read(payload.Memory.Span);
    }

    private async Task<Exception?[]> RunAsync(List<QueueRecord> records)
    {
        var errors = new Exception?[records.Count];

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
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrency) },
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

                    if (_cancellationToken.IsCancellationRequested)
                    {
                        errors[index] = new OperationCanceledException("Not processed: the Lambda deadline is near.", null, _cancellationToken);
                        continue;
                    }

                    try
                    {
                        await ProcessRecordAsync(record).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        errors[index] = ex;
                        _runtime.ReportFailure(record.Context, ex);
                        if (record.Context.MessageGroupId is not null)
                        {
                            groupFailure = ex;
                        }
                    }
                }
            }).ConfigureAwait(false);
        return errors;
    }

    // Plain locals rather than pattern variables here and in ProcessSnsAsync: Stryker.NET cannot place its mutants
    // around a pattern variable and drops every mutant of the method as a compile error, leaving it unmeasured.
    private async Task ProcessRecordAsync(QueueRecord record)
    {
        if (record.Unreadable is not null)
        {
            throw record.Unreadable;
        }

        byte[] body = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(record.Body.Length));
        HydratedPayload<T> hydrated;
        try
        {
            int length = Encoding.UTF8.GetBytes(record.Body, body);
            HydrationRequest request = HydrationRequest.ForMessage(body.AsMemory(0, length), _allowBarePointer, record.Context.MessageAttributes);
            hydrated = await _runtime.HydrateAsync(request, _typeInfo, _cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }

        record.Context.Pointer = hydrated.Pointer;
        await _handler(hydrated.Value, record.Context, _cancellationToken).ConfigureAwait(false);

        // Only an object whose SHA-256 the message carried is deleted: knowing the hash proves the sender wrote (or
        // read) that very content. A bare key — all an extended-client pointer holds — is not enough, or anyone who
        // can send to the queue could delete other messages' payloads by naming their keys.
        PayloadPointer? pointer = hydrated.Pointer;
        if (_deleteAfterProcessing && pointer?.Sha256 is not null)
        {
            try
            {
                await _runtime.Store.DeleteAsync(pointer, _cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ClaimCheckException or IOException)
            {
                // The message was processed; failing it now would process it twice. The lifecycle rule removes the object.
                _runtime.ReportFailure(record.Context, ex);
            }
        }
    }

    private static int CountFailed(Exception?[] errors) => Array.FindAll(errors, error => error is not null).Length;

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
