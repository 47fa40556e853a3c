// SQS and SNS consumers as the blueprints and Powertools write them, and as PayloadGen asks for them.
using Amazon.Lambda.SNSEvents;
using Amazon.Lambda.SQSEvents;

namespace Messaging.Consumers
{
    public sealed record OrderPlaced(string OrderId, decimal Total);

    public sealed record Notification(string Subject, string Text);

    public sealed record ImportRow(int Line, string Sku);

    public partial class OrderConsumer
    {
        public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

        public static List<string> Seen { get; } = new();

        // expect: wrap -- per-record SQS handler, Task, ILambdaContext (README "SQS and SNS")
        [ClaimCheck(Source = PayloadSource.Sqs)]
        public async Task ProcessMessage(OrderPlaced message, ILambdaContext context)
        {
            await Task.Yield();
            if (message.Total < 0)
            {
                throw new InvalidOperationException("negative total " + message.OrderId);
            }

            lock (Seen)
            {
                Seen.Add(message.OrderId);
            }
        }

        // expect: wrap -- ValueTask, token first, message context, MaxConcurrency
        [ClaimCheck(Source = PayloadSource.Sqs, MaxConcurrency = 4)]
        public ValueTask Import(CancellationToken cancellationToken, QueueMessageContext message, ImportRow row)
            => cancellationToken.IsCancellationRequested || message.MessageId.Length == 0 || row.Line < 0 ? ValueTask.CompletedTask : default;

        // expect: wrap -- per-record SNS handler, void, message context before the payload
        [ClaimCheck(Source = PayloadSource.Sns)]
        public static void OnNotification(QueueMessageContext message, Notification notification)
            => Console.WriteLine(message.MessageId + ": " + notification.Subject);

        // expect: PG0002 -- a queue handler returns nothing (README), and SQSBatchResponse is what the blueprint returns
        [ClaimCheck(Source = PayloadSource.Sqs)]
        public Task<SQSBatchResponse> Batch(OrderPlaced message) => Task.FromResult(new SQSBatchResponse());

        // expect: PG0002 -- IAsyncEnumerable<T> cannot be a queue message (README "Streaming")
        [ClaimCheck(Source = PayloadSource.Sqs)]
        public async Task Stream(IAsyncEnumerable<ImportRow> rows)
        {
            await foreach (ImportRow row in rows)
            {
                Console.WriteLine(row.Sku);
            }
        }
    }

    public partial class BlueprintFunction
    {
        // expect: PG0002 -- the blueprint's whole-batch handler under [ClaimCheck] with the default source: its
        // wrapper would read the SQS event as a direct payload, so pointers in record bodies reach the method unread
        // (docs silent; DESIGN: "every [ClaimCheck] ends in a wrapper or a diagnostic", a no-op wrapper is a silent skip)
        [ClaimCheck]
        public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
        {
            var failures = new List<SQSBatchResponse.BatchItemFailure>();
            foreach (SQSEvent.SQSMessage message in evnt.Records)
            {
                await Task.Yield();
                if (message.Body.Length == 0)
                {
                    failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                }
            }

            context.Logger.LogLine("processed " + evnt.Records.Count);
            return new SQSBatchResponse(failures);
        }

        // expect: PG0002 -- a Powertools-style record handler taking the SQS message envelope under Source = Sqs: the
        // record's body would be deserialized as an SQSMessage
        [ClaimCheck(Source = PayloadSource.Sqs)]
        public Task HandleRecord(SQSEvent.SQSMessage record)
        {
            Console.WriteLine(record.Body);
            return Task.CompletedTask;
        }
    }

    public partial class SnsBlueprintFunction
    {
        // expect: PG0002 -- the same for the SNS blueprint's whole-event handler
        [ClaimCheck]
        public Task FunctionHandler(SNSEvent evnt, ILambdaContext context)
        {
            context.Logger.LogLine("records " + evnt.Records.Count);
            return Task.CompletedTask;
        }
    }
}
