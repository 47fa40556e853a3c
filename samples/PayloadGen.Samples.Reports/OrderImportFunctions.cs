using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen;

namespace Reports;

/// <summary>
/// An SQS consumer: deploy <c>Reports::Reports.OrderImportFunctions::ImportClaimCheck</c> behind an event source
/// mapping with <c>ReportBatchItemFailures</c>. Orders arrive inline, as PayloadGen pointers, or as pointers written
/// by the Java or Python SQS extended client; each record that fails is retried alone.
/// </summary>
public static partial class OrderImportFunctions
{
    /// <summary>What was imported, for the demo to show; a real function writes to its database.</summary>
    public static ConcurrentQueue<string> Imported { get; } = new();

    /// <summary>The runtime the generated wrapper uses when set; <see langword="null"/> uses <see cref="ClaimCheckRuntime.Default"/>.</summary>
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    [ClaimCheck(Source = PayloadSource.Sqs)]
    public static Task Import(Order order, QueueMessageContext message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(message);
        if (order.Lines.Count == 0)
        {
            throw new ArgumentException($"Order {order.Id} has no lines.", nameof(order));
        }

        int units = order.Lines.Sum(line => line.Quantity);
        Imported.Enqueue($"{order.Id} ({order.Lines.Count:N0} lines, {units:N0} units) from message {message.MessageId}{(message.Pointer is null ? string.Empty : " via the store")}");
        return Task.CompletedTask;
    }
}
