// The generality check, written after the fixes of the first round and scored before any further change: shapes the
// first files did not have.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.ApplicationLoadBalancerEvents;
using Amazon.Lambda.Core;
using PayloadGen;

namespace Generality.Shapes;

public readonly record struct Money(decimal Amount, string Currency);

public sealed record Transfer(Money Amount, string From, string To);

public sealed record Overweisung(string Iban, Money Amount);

[Flags]
public enum Channels { None = 0, Email = 1, Sms = 2, Push = 4 }

public partial record struct PricingFunctions
{
    // expect: wrap -- instance handler of a record struct (a struct always has a parameterless constructor)
    [ClaimCheck]
    public Money Convert(Money money) => money with { Currency = "EUR" };
}

public partial class Über
{
    // expect: wrap -- non-ASCII type and method names (hint name, handler string)
    [ClaimCheck]
    public static Task<Money> Überweise(Overweisung überweisung) => Task.FromResult(überweisung.Amount);
}

public partial class Collections
{
    // expect: wrap -- ImmutableArray<T> request, HashSet<T> response
    [ClaimCheck]
    public static HashSet<string> Distinct(ImmutableArray<string> values) => values.ToHashSet(StringComparer.Ordinal);

    // expect: wrap -- Dictionary keyed by Guid in a ValueTask
    [ClaimCheck]
    public static ValueTask<Dictionary<Guid, Money>> Index(Money[] amounts)
        => new(amounts.Select((amount, i) => (amount, i)).ToDictionary(pair => new Guid(pair.i, 0, 0, new byte[8]), pair => pair.amount));

    // expect: wrap -- ReadOnlyMemory<byte> request (base64; not a ref struct), Memory<byte> response
    [ClaimCheck]
    public static Memory<byte> Copy(ReadOnlyMemory<byte> data) => data.ToArray();

    // expect: wrap -- IAsyncEnumerable of KeyValuePair
    [ClaimCheck]
    public static async IAsyncEnumerable<KeyValuePair<string, int>> Count(string[] words, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (IGrouping<string, string> group in words.GroupBy(word => word, StringComparer.Ordinal))
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new KeyValuePair<string, int>(group.Key, group.Count());
        }
    }

    // expect: wrap -- a value tuple response (written as Lambda's serializer writes it)
    [ClaimCheck]
    public static (string Name, int Length) Measure(string name) => (name, name.Length);

    // expect: wrap -- params array payload
    [ClaimCheck]
    public static int Sum(params int[] values) => values.Sum();

    // expect: wrap -- optional payload and optional token
    [ClaimCheck]
    public static string Describe(Transfer? transfer = null, CancellationToken cancellationToken = default)
        => transfer is null ? "none" : transfer.From + "->" + transfer.To + (cancellationToken.CanBeCanceled ? "" : "!");

    // expect: wrap -- dynamic request (System.Object to JSON), TimeSpan / DateTimeOffset / Uri in a record
    [ClaimCheck]
    public static Schedule Plan(dynamic input) => new(TimeSpan.FromMinutes(5), DateTimeOffset.UnixEpoch, new Uri("https://example.com/" + (string)input.ToString()));

    // expect: wrap -- a [Flags] enum in and out
    [ClaimCheck]
    public static Channels Enable(Channels channels) => channels | Channels.Email;

    // expect: PG0002 -- a Task<Stream> response is a stream too
    [ClaimCheck]
    public static Task<System.IO.Stream> Open(string key) => Task.FromResult<System.IO.Stream>(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(key)));
}

public sealed record Schedule(TimeSpan Every, DateTimeOffset Since, Uri Target);

public partial class Contexts
{
    [JsonSerializable(typeof(Transfer))]
    [JsonSerializable(typeof(IAsyncEnumerable<Money>))]
    private sealed partial class NestedJsonContext : JsonSerializerContext
    {
    }

    private readonly ClaimCheckRuntime? ClaimCheckRuntime = null;

    public static readonly JsonSerializerOptions ClaimCheckJsonOptions = new(JsonSerializerDefaults.Web);

    // expect: wrap -- a private JsonSerializerContext nested in the handler's own class; IAsyncEnumerable declared in it
    [ClaimCheck(JsonContext = typeof(NestedJsonContext))]
    public async IAsyncEnumerable<Money> Split(Transfer transfer)
    {
        await Task.Yield();
        yield return transfer.Amount with { Amount = transfer.Amount.Amount / 2 };
        yield return transfer.Amount with { Amount = transfer.Amount.Amount / 2 };
    }

    // expect: wrap -- options in a static readonly field, an instance ClaimCheckRuntime field, Step Functions source
    [ClaimCheck(Source = PayloadSource.StepFunctions)]
    public Task<Transfer> Reverse(Transfer transfer) => Task.FromResult(transfer with { From = transfer.To, To = transfer.From });

    internal ClaimCheckRuntime? Runtime => ClaimCheckRuntime;
}

public partial class HttpVariants
{
    // expect: wrap -- REST proxy response on an HTTP API (payload format 1.0)
    [ClaimCheck(Source = PayloadSource.ApiGatewayHttp)]
    public APIGatewayProxyResponse V1(APIGatewayProxyRequest request) => new() { StatusCode = 200, Body = request.Path };

    // expect: wrap -- function URL source on the v2 response
    [ClaimCheck(Source = PayloadSource.FunctionUrl, HttpAnswer = HttpOffloadAnswer.TemporaryRedirect)]
    public APIGatewayHttpApiV2ProxyResponse Url(APIGatewayHttpApiV2ProxyRequest request) => new() { StatusCode = 200, Body = request.RawPath };

    // expect: PG0002 -- an ALB response under a REST API source
    [ClaimCheck(Source = PayloadSource.ApiGatewayRest)]
    public ApplicationLoadBalancerResponse Wrong(ApplicationLoadBalancerRequest request) => new() { StatusCode = 200, Body = request.Path };

    // expect: PG0007 -- PresignSeconds over seven days
    [ClaimCheck(PresignSeconds = 700_000)]
    public APIGatewayHttpApiV2ProxyResponse TooLong(APIGatewayHttpApiV2ProxyRequest request) => new() { StatusCode = 200 };
}

public partial interface IWarmup
{
    // expect: wrap PG0003 -- an instance default interface member: Lambda cannot create an interface
    [ClaimCheck]
    Task Ping(CancellationToken cancellationToken) => Task.Delay(0, cancellationToken);
}

public partial class Hider : BaseHandler
{
    // expect: wrap -- hides an unmarked base method with 'new'
    [ClaimCheck]
    public new Money Handle(Money money) => money with { Amount = money.Amount + 1 };
}

public class BaseHandler
{
    public Money Handle(Money money) => money;
}

public partial class Notifications
{
    // expect: wrap -- SNS per record, ValueTask, token and Lambda context
    [ClaimCheck(Source = PayloadSource.Sns, MaxConcurrency = 2)]
    public static ValueTask Notify(Transfer transfer, ILambdaContext context, CancellationToken cancellationToken)
        => cancellationToken.IsCancellationRequested || transfer.From.Length == 0 ? ValueTask.CompletedTask : new(Task.Run(() => context.Logger.LogLine(transfer.To), cancellationToken));
}

public static partial class Outer
{
    private partial class Hidden
    {
        // expect: wrap -- a handler in a private nested class (Lambda reflects on it by name)
        [ClaimCheck]
        public Money Same(Money money) => money;
    }
}
