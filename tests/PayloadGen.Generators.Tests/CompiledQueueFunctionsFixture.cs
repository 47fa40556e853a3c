using System;
using System.Collections.Immutable;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Compiles SQS and SNS handlers with their generated batch wrappers once, loads the assembly, and shares it between
/// the queue compile-and-run tests. Kept apart from <see cref="CompiledFunctionsFixture"/> so the two test classes,
/// which xUnit runs in parallel, never share the static runtime property.
/// </summary>
public sealed class CompiledQueueFunctionsFixture : IDisposable
{
    public const string QueueFunctionsType = "RunQueues.QueueFunctions";
    public const string StructFunctionsType = "RunQueues.StructQueueFunctions";

    private const string Source = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using PayloadGen;

        namespace RunQueues
        {
            public sealed class Order
            {
                public string Id { get; set; } = "";
                public List<string> Lines { get; set; } = new();
            }

            public partial class QueueFunctions
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                /// <summary>One line per call: handler|message id|order id|lines|inline or stored|extra.</summary>
                public static ConcurrentQueue<string> Received { get; } = new();

                public static void Record(string handler, QueueMessageContext? message, Order order, string extra = "")
                {
                    // An order whose id starts with "fail" makes the method throw, as a failing business rule would.
                    if (order.Id.StartsWith("fail", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException("Refused order " + order.Id);
                    }

                    Received.Enqueue(handler + "|" + message?.MessageId + "|" + order.Id + "|" + string.Join(",", order.Lines)
                        + "|" + (message?.Pointer is null ? "inline" : "stored") + "|" + extra);
                }

                [ClaimCheck(Source = PayloadSource.Sqs)]
                public static async Task Import(Order order, QueueMessageContext message, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    Record("Import", message, order, cancellationToken.CanBeCanceled ? "deadline" : "no deadline");
                }

                [ClaimCheck(Source = PayloadSource.Sqs, MaxConcurrency = 4)]
                public ValueTask ImportConcurrently(ILambdaContext context, Order order, QueueMessageContext message)
                {
                    Record("ImportConcurrently", message, order, context.FunctionName + " receive " + message.ReceiveCount);
                    return default;
                }

                [ClaimCheck(Source = PayloadSource.Sns)]
                public static void Notify(QueueMessageContext message, Order order)
                    => Record("Notify", message, order, message.TopicArn ?? "");
            }

            public partial struct StructQueueFunctions
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                private int _calls;

                [ClaimCheck(Source = PayloadSource.Sqs)]
                public void Import(Order order) => QueueFunctions.Record("Struct", null, order, "call " + ++_calls);
            }
        }
        """;

    public CompiledQueueFunctionsFixture()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Source));
        GeneratedSources = run.Sources;
        Assert.Equal(4, GeneratedSources.Count);
        Assert.Empty(run.OutputProblems());
        Loaded = LoadedAssembly.Load(run.Output);
    }

    public ImmutableDictionary<string, string> GeneratedSources { get; }

    internal LoadedAssembly Loaded { get; }

    public void Dispose() => Loaded.Dispose();
}
