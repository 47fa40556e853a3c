using System;
using System.IO;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

// The queue and topic entry points of generated wrappers; each invocation is one QueueBatch, which hydrates every
// record through the same core as the direct path.
public sealed partial class ClaimCheckRuntime
{
    /// <summary>
    /// Processes an SQS event as Lambda delivers it: each record's body is hydrated and passed to
    /// <paramref name="handler"/>; returns the partial batch response
    /// <c>{"batchItemFailures":[{"itemIdentifier":…}]}</c> naming exactly the records that failed (enable
    /// ReportBatchItemFailures on the event source mapping). A record that cannot be read but has a <c>messageId</c>
    /// fails alone.
    /// </summary>
    /// <exception cref="ClaimCheckEventException">
    /// The payload is not an SQS event, or a record has no <c>messageId</c>: the others run first, then the invocation
    /// fails so Lambda delivers the whole batch again (a record <c>batchItemFailures</c> cannot name is never dropped).
    /// </exception>
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
        return new QueueBatch<T>(this, typeInfo, allowBarePointer, handler, options ?? new ClaimCheckBatchOptions(), cancellationToken).ProcessSqsAsync(input);
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
        return new QueueBatch<T>(this, typeInfo, allowBarePointer, handler, options ?? new ClaimCheckBatchOptions(), cancellationToken).ProcessSnsAsync(input);
    }
}
