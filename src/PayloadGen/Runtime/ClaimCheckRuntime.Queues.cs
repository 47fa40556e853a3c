using System;
using System.IO;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

// The queue and topic entry points of generated wrappers; the loop itself is QueueBatchProcessor.
public sealed partial class ClaimCheckRuntime
{
    /// <summary>
    /// Processes an SQS event as Lambda delivers it: each record's body is hydrated and passed to
    /// <paramref name="handler"/>; returns the partial batch response
    /// <c>{"batchItemFailures":[{"itemIdentifier":…}]}</c> naming exactly the records that failed (enable
    /// ReportBatchItemFailures on the event source mapping).
    /// </summary>
    public ValueTask<Stream> ProcessSqsBatchAsync<T>(
        Stream input,
        JsonTypeInfo<T> typeInfo,
        bool allowBarePointer,
        Func<T?, QueueMessageContext, CancellationToken, ValueTask> handler,
        ClaimCheckBatchOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(handler);
        return QueueBatchProcessor.ProcessSqsAsync(this, input, typeInfo, allowBarePointer, handler, options ?? new ClaimCheckBatchOptions(), cancellationToken);
    }

    /// <summary>
    /// Processes an SNS event as Lambda delivers it. SNS has no partial batch response: when any record fails,
    /// the others still run, then a <see cref="ClaimCheckBatchException"/> fails the invocation so Lambda retries it.
    /// </summary>
    public ValueTask<Stream> ProcessSnsEventAsync<T>(
        Stream input,
        JsonTypeInfo<T> typeInfo,
        bool allowBarePointer,
        Func<T?, QueueMessageContext, CancellationToken, ValueTask> handler,
        ClaimCheckBatchOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(handler);
        return QueueBatchProcessor.ProcessSnsAsync(this, input, typeInfo, allowBarePointer, handler, options ?? new ClaimCheckBatchOptions(), cancellationToken);
    }
}
