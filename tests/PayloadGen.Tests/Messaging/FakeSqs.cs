using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Threading.Tasks;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace PayloadGen.Tests.Messaging;

/// <summary>
/// An <see cref="IAmazonSQS"/> that records the send requests it receives and answers like SQS; no emulator speaks
/// the SDK's current protocol (DESIGN.md §7), so senders are tested at the SDK interface.
/// </summary>
public class FakeSqs : DispatchProxy
{
    public List<SendMessageRequest> Sent { get; } = new();

    public List<SendMessageBatchRequest> Batches { get; } = new();

    /// <summary>Entries SQS should report as failed, by id.</summary>
    public HashSet<string> FailingIds { get; } = new(StringComparer.Ordinal);

    public IEnumerable<SendMessageBatchRequestEntry> BatchEntries => Batches.SelectMany(batch => batch.Entries);

    public static (IAmazonSQS Client, FakeSqs Fake) Create()
    {
        IAmazonSQS proxy = Create<IAmazonSQS, FakeSqs>();
        return (proxy, (FakeSqs)(object)proxy);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod?.Name, args?.FirstOrDefault())
        {
            case ("SendMessageAsync", SendMessageRequest request):
                Sent.Add(request);
                return Task.FromResult(new SendMessageResponse { MessageId = Guid.NewGuid().ToString(), HttpStatusCode = HttpStatusCode.OK });
            case ("SendMessageBatchAsync", SendMessageBatchRequest batch):
                Batches.Add(batch);
                return Task.FromResult(new SendMessageBatchResponse
                {
                    HttpStatusCode = HttpStatusCode.OK,
                    Successful = batch.Entries.Where(entry => !FailingIds.Contains(entry.Id))
                        .Select(entry => new SendMessageBatchResultEntry { Id = entry.Id, MessageId = Guid.NewGuid().ToString() }).ToList(),
                    Failed = batch.Entries.Where(entry => FailingIds.Contains(entry.Id))
                        .Select(entry => new BatchResultErrorEntry { Id = entry.Id, Code = "InternalError", SenderFault = false }).ToList(),
                });
            case ("Dispose", _):
                return null;
            default:
                throw new NotSupportedException($"FakeSqs does not implement {targetMethod?.Name}.");
        }
    }
}
