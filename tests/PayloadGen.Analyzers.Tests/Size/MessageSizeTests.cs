using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

public class MessageSizeTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.IO;
        using System.Linq;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Amazon.SQS;
        using Amazon.SQS.Model;
        using Amazon.SimpleNotificationService;
        using Amazon.SimpleNotificationService.Model;
        using Amazon.EventBridge;
        using Amazon.EventBridge.Model;
        using Amazon.Lambda;
        using Amazon.Lambda.Model;
        using Microsoft.EntityFrameworkCore;

        """;

    private const string Model = """

        public class Order { public string Id { get; set; } = ""; public List<Line> Lines { get; set; } = []; }
        public class Line { public string Sku { get; set; } = ""; public int Quantity { get; set; } }
        public class Small { [MaxLength(64)] public string Id { get; set; } = ""; public int Count { get; set; } }
        public class ShopDb : DbContext { public DbSet<Order> Orders { get; set; } = null!; }
        """;

    private static PayloadGenAnalyzerTest<MessageSizeAnalyzer> Test(string code) => new() { TestCode = Usings + code + Model };

    private static DiagnosticResult Likely(int location, string what, string limit, string reason) =>
        new DiagnosticResult(Rules.MessageLikelyExceedsLimit).WithLocation(location)
            .WithMessage($"This {what} is likely to exceed its limit of {limit} bytes: {reason}; store the payload in S3 and send a pointer to it");

    private static DiagnosticResult Possible(int location, string what, string limit, string reason) =>
        new DiagnosticResult(Rules.MessageMayExceedLimit).WithLocation(location)
            .WithMessage($"This {what} may exceed its limit of {limit} bytes: {reason}; bound the type, or store large payloads in S3 and send a pointer");

    [Fact]
    public async Task SQS_bodies_serialized_from_unbounded_data_are_likely()
    {
        var test = Test("""
            public class Exporter
            {
                private readonly IAmazonSQS _sqs = null!;
                private readonly ShopDb _db = new();

                public async Task Export(string queueUrl)
                {
                    var orders = await _db.Orders.ToListAsync();
                    await _sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = {|#0:JsonSerializer.Serialize(orders)|} });
                    await _sqs.SendMessageAsync(queueUrl, {|#1:File.ReadAllText("dump.json")|});
                    await _sqs.SendMessageAsync(new SendMessageRequest(queueUrl, {|#2:JsonSerializer.Serialize(orders)|}));
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "SQS message body", "1,048,576", "ToListAsync() materializes a query over '_db.Orders' with no Take"));
        test.ExpectedDiagnostics.Add(Likely(1, "SQS message body", "1,048,576", "File.ReadAllText reads a whole file"));
        test.ExpectedDiagnostics.Add(Likely(2, "SQS message body", "1,048,576", "ToListAsync() materializes a query over '_db.Orders' with no Take"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SNS_EventBridge_and_batch_bodies_of_unbounded_types_are_possible()
    {
        var test = Test("""
            public class Publisher
            {
                private readonly IAmazonSimpleNotificationService _sns = null!;
                private readonly IAmazonEventBridge _events = null!;
                private readonly IAmazonSQS _sqs = null!;

                public async Task Publish(Order order, string topicArn)
                {
                    await _sns.PublishAsync(topicArn, {|#0:JsonSerializer.Serialize(order)|});
                    var entry = new PutEventsRequestEntry { Source = "shop", DetailType = "OrderPlaced" };
                    entry.Detail = {|#1:JsonSerializer.Serialize<Order>(order)|};
                    await _events.PutEventsAsync(new PutEventsRequest { Entries = [entry] });
                    await _sqs.SendMessageBatchAsync(new SendMessageBatchRequest
                    {
                        Entries = [.. order.Lines.Select(l => new SendMessageBatchRequestEntry { Id = l.Sku, MessageBody = JsonSerializer.Serialize(l) }), new SendMessageBatchRequestEntry("all", {|#2:JsonSerializer.Serialize(order)|})],
                    });
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Possible(0, "SNS message", "262,144", "Order.Lines: List<Line> (no bound)"));
        test.ExpectedDiagnostics.Add(Possible(1, "EventBridge event detail", "1,048,576", "Order.Lines: List<Line> (no bound)"));
        test.ExpectedDiagnostics.Add(Possible(2, "SQS message body", "1,048,576", "Order.Lines: List<Line> (no bound)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Lambda_invoke_uses_the_async_limit_only_for_Event_invocations()
    {
        var test = Test("""
            public class Fanout
            {
                private readonly IAmazonLambda _lambda = null!;

                public async Task Run(List<Order> orders)
                {
                    await _lambda.InvokeAsync(new InvokeRequest { FunctionName = "f", InvocationType = InvocationType.Event, Payload = {|#0:JsonSerializer.Serialize(orders)|} });
                    await _lambda.InvokeAsync(new InvokeRequest { FunctionName = "f", Payload = {|#1:JsonSerializer.Serialize(orders)|} });
                    await _lambda.InvokeAsync(new InvokeRequest { FunctionName = "f", InvocationType = "Event", Payload = {|#2:File.ReadAllText("x")|} });
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Possible(0, "asynchronous Lambda Invoke payload", "1,048,576", "List<Order> (no bound) \u2192 Order.Lines: List<Line> (no bound)"));
        test.ExpectedDiagnostics.Add(Possible(1, "synchronous Lambda Invoke payload", "6,291,456", "List<Order> (no bound) \u2192 Order.Lines: List<Line> (no bound)"));
        test.ExpectedDiagnostics.Add(Likely(2, "asynchronous Lambda Invoke payload", "1,048,576", "File.ReadAllText reads a whole file"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Bounded_and_opaque_bodies_are_silent()
    {
        await Test("""
            public class Sender
            {
                private readonly IAmazonSQS _sqs = null!;
                private readonly IAmazonSimpleNotificationService _sns = null!;
                private readonly ShopDb _db = new();

                public async Task Send(string queueUrl, string body, Small small)
                {
                    await _sqs.SendMessageAsync(queueUrl, body);
                    await _sqs.SendMessageAsync(queueUrl, JsonSerializer.Serialize(small));
                    await _sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = JsonSerializer.Serialize(_db.Orders.Take(10).ToList()) });
                    await _sns.PublishAsync(new PublishRequest { TopicArn = "t", Message = "constant", Subject = File.ReadAllText("subject.txt") });
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Options_change_the_service_limit()
    {
        var test = Test("""
            public class Sender
            {
                private readonly IAmazonSQS _sqs = null!;
                public Task Send(string queueUrl, Small small) => _sqs.SendMessageAsync(queueUrl, {|#0:JsonSerializer.Serialize(small)|});
            }
            """).WithEditorConfig("payloadgen.limit.sqs = 100");
        test.ExpectedDiagnostics.Add(Possible(0, "SQS message body", "100", "Small.Id: string (at most 64 characters), up to 413 bytes of JSON"));
        await test.RunAsync();
    }
}
