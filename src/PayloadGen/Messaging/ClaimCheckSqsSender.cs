using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace PayloadGen;

/// <summary>
/// Sends SQS messages through <see cref="IAmazonSQS"/>, offloading bodies that would not fit, in the format the
/// Java and Python SQS extended clients read. Requests are copied, never modified, and responses are the SDK's own.
/// </summary>
public sealed class ClaimCheckSqsSender
{
    /// <summary>The most entries SQS accepts in one <c>SendMessageBatch</c> request.</summary>
    public const int MaxBatchEntries = 10;

    // An extended-client pointer plus its two attributes take about 300 bytes.
    private const int MinimumBodyWorthOffloading = 1024;

    private readonly IAmazonSQS _sqs;
    private readonly ClaimCheckMessageOffloader _offloader;

    /// <summary>Creates a sender over <paramref name="sqs"/>, which the caller owns.</summary>
    public ClaimCheckSqsSender(IAmazonSQS sqs, ClaimCheckMessageOffloader offloader)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(offloader);
        _sqs = sqs;
        _offloader = offloader;
    }

    /// <summary>Sends one message, offloading its body when body plus attributes exceed the threshold.</summary>
    /// <exception cref="TooManyMessageAttributesException">The body must be offloaded but the flag attribute does not fit.</exception>
    public async Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.MessageBody, nameof(request) + "." + nameof(request.MessageBody));
        OutgoingMessage message = await _offloader.PrepareAsync(request.MessageBody, SqsSendAttributes.ToOutgoing(request.MessageAttributes), cancellationToken).ConfigureAwait(false);
        var send = new SendMessageRequest
        {
            QueueUrl = request.QueueUrl,
            MessageBody = message.Body,
            MessageAttributes = SqsSendAttributes.WithAdded(request.MessageAttributes, message.AddedAttributes),
            DelaySeconds = request.DelaySeconds,
            MessageGroupId = request.MessageGroupId,
            MessageDeduplicationId = request.MessageDeduplicationId,
            MessageSystemAttributes = request.MessageSystemAttributes,
        };
        return await _sqs.SendMessageAsync(send, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Serializes <paramref name="message"/> once and sends it to <paramref name="queueUrl"/>, offloading the JSON when
    /// it exceeds the threshold. For FIFO queues, delays or attributes, serialize it yourself and send a
    /// <see cref="SendMessageRequest"/>.
    /// </summary>
    public async Task<SendMessageResponse> SendMessageAsync<T>(string queueUrl, T message, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueUrl);
        OutgoingMessage outgoing = await _offloader.PrepareAsync(message, typeInfo, null, cancellationToken).ConfigureAwait(false);
        var send = new SendMessageRequest
        {
            QueueUrl = queueUrl,
            MessageBody = outgoing.Body,
            MessageAttributes = SqsSendAttributes.WithAdded(null, outgoing.AddedAttributes),
        };
        return await _sqs.SendMessageAsync(send, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a batch of any length as requests of at most ten entries, each within the threshold in total: entries
    /// too large on their own are offloaded, then the largest remaining bodies until the request fits (a request whose
    /// attributes alone do not fit is split). Entry ids and order are kept, and the responses are merged into one.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is empty or its entry ids are not distinct.</exception>
    /// <exception cref="TooManyMessageAttributesException">An entry must be offloaded but the flag attribute does not fit.</exception>
    public async Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<SendMessageBatchRequestEntry> entries = request.Entries ?? [];
        CheckEntries(entries);

        var responses = new List<SendMessageBatchResponse>();
        foreach (SendMessageBatchRequestEntry[] chunk in entries.Chunk(MaxBatchEntries))
        {
            PendingEntry[] prepared = await PrepareChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
            foreach (List<SendMessageBatchRequestEntry> part in SplitByTotal(prepared))
            {
                responses.Add(await _sqs.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = request.QueueUrl, Entries = part }, cancellationToken).ConfigureAwait(false));
            }
        }

        return responses.Count == 1 ? responses[0] : Merge(responses);
    }

    private async Task<PendingEntry[]> PrepareChunkAsync(SendMessageBatchRequestEntry[] chunk, CancellationToken cancellationToken)
    {
        var pending = new PendingEntry[chunk.Length];
        for (int i = 0; i < chunk.Length; i++)
        {
            IReadOnlyDictionary<string, OutgoingAttributeValue> attributes = SqsSendAttributes.ToOutgoing(chunk[i].MessageAttributes);
            pending[i] = new PendingEntry(chunk[i], attributes);
        }

        // Entries that cannot travel inline on their own are offloaded together; their writes are independent.
        await Task.WhenAll(pending.Where(entry => _offloader.MustOffload(entry.SizeBytes)).Select(entry => entry.OffloadAsync(_offloader, cancellationToken))).ConfigureAwait(false);

        // SQS caps the whole request like a single message: offload the largest inline bodies until it fits. A body
        // hardly larger than the pointer that would replace it saves nothing; those requests are split instead.
        while (pending.Sum(entry => entry.SizeBytes) > _offloader.Options.ThresholdBytes
            && pending.Where(entry => !entry.IsOffloaded).MaxBy(entry => entry.BodyBytes) is PendingEntry largest
            && largest.BodyBytes > MinimumBodyWorthOffloading)
        {
            await largest.OffloadAsync(_offloader, cancellationToken).ConfigureAwait(false);
        }

        return pending;
    }

    /// <summary>Consecutive entries grouped into requests within the threshold; one request unless attributes dominate.</summary>
    private IEnumerable<List<SendMessageBatchRequestEntry>> SplitByTotal(PendingEntry[] entries)
    {
        var part = new List<SendMessageBatchRequestEntry>(entries.Length);
        long total = 0;
        foreach (PendingEntry entry in entries)
        {
            if (part.Count > 0 && total + entry.SizeBytes > _offloader.Options.ThresholdBytes)
            {
                yield return part;
                part = new List<SendMessageBatchRequestEntry>(entries.Length);
                total = 0;
            }

            part.Add(entry.ToRequestEntry());
            total += entry.SizeBytes;
        }

        yield return part;
    }

    private static void CheckEntries(List<SendMessageBatchRequestEntry> entries)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one entry.", nameof(entries));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (SendMessageBatchRequestEntry entry in entries)
        {
            if (entry is null || string.IsNullOrEmpty(entry.Id) || entry.MessageBody is null)
            {
                throw new ArgumentException("Every batch entry needs an Id and a MessageBody.", nameof(entries));
            }

            // SQS checks this per request only; once the batch is split, duplicates in different requests would pass
            // and make the merged response ambiguous.
            if (!ids.Add(entry.Id))
            {
                throw new ArgumentException($"Batch entry ids must be distinct; '{entry.Id}' appears more than once.", nameof(entries));
            }
        }
    }

    private static SendMessageBatchResponse Merge(List<SendMessageBatchResponse> responses)
    {
        var merged = new SendMessageBatchResponse
        {
            Successful = [],
            Failed = [],
            HttpStatusCode = responses[^1].HttpStatusCode,
            ResponseMetadata = responses[^1].ResponseMetadata,
        };
        foreach (SendMessageBatchResponse response in responses)
        {
            merged.Successful.AddRange(response.Successful ?? []);
            merged.Failed.AddRange(response.Failed ?? []);
        }

        return merged;
    }

    /// <summary>A batch entry on its way: inline until it is offloaded.</summary>
    private sealed class PendingEntry(SendMessageBatchRequestEntry original, IReadOnlyDictionary<string, OutgoingAttributeValue> attributes)
    {
        private OutgoingMessage? _offloaded;

        public long BodyBytes { get; } = System.Text.Encoding.UTF8.GetByteCount(original.MessageBody);

        public long SizeBytes { get; private set; } = ClaimCheckMessageOffloader.MeasureBytes(original.MessageBody, attributes);

        public bool IsOffloaded => _offloaded is not null;

        public async Task OffloadAsync(ClaimCheckMessageOffloader offloader, CancellationToken cancellationToken)
        {
            _offloaded = await offloader.OffloadAsync(original.MessageBody, attributes, cancellationToken).ConfigureAwait(false);
            SizeBytes = _offloaded.SizeBytes;
        }

        public SendMessageBatchRequestEntry ToRequestEntry() => new()
        {
            Id = original.Id,
            MessageBody = _offloaded?.Body ?? original.MessageBody,
            MessageAttributes = _offloaded is null ? original.MessageAttributes : SqsSendAttributes.WithAdded(original.MessageAttributes, _offloaded.AddedAttributes),
            DelaySeconds = original.DelaySeconds,
            MessageGroupId = original.MessageGroupId,
            MessageDeduplicationId = original.MessageDeduplicationId,
            MessageSystemAttributes = original.MessageSystemAttributes,
        };
    }
}
