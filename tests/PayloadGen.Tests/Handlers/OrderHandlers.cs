using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using PayloadGen.Tests.Queues;

namespace PayloadGen.Tests.Handlers;

/// <summary>An SQS consumer compiled by the real generator, as in a user's project.</summary>
public partial class OrderHandlers
{
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    public static ConcurrentQueue<(Order Order, string MessageId)> Imported { get; } = new();

    [ClaimCheck(Source = PayloadSource.Sqs)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance handler on purpose: Lambda creates the class and calls the wrapper on it.")]
    public Task Import(Order order, QueueMessageContext message, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (order.Id == "poison")
        {
            throw new InvalidOperationException("cannot import this order");
        }

        Imported.Enqueue((order, message.MessageId));
        return Task.CompletedTask;
    }
}
