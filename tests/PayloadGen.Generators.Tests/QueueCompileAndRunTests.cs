using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Generators.Tests.Infrastructure;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Runs generated SQS and SNS wrappers as Lambda would — by reflection, with the event as a stream — against a
/// <see cref="FilePayloadStore"/> in a temporary folder. Events have the exact shape Lambda delivers (that of the
/// shared fixtures <c>events/sqs-standard.json</c> and <c>events/sns.json</c>), built per test.
/// </summary>
public sealed class QueueCompileAndRunTests : IClassFixture<CompiledQueueFunctionsFixture>, IDisposable
{
    private const string TopicArn = QueueEvents.TopicArn;

    private readonly CompiledQueueFunctionsFixture _fixture;
    private readonly Type _functions;
    private readonly TemporaryFileStore _store = new();

    public QueueCompileAndRunTests(CompiledQueueFunctionsFixture fixture)
    {
        _fixture = fixture;
        _functions = fixture.Loaded.Type(CompiledQueueFunctionsFixture.QueueFunctionsType);
        Received.Clear();
    }

    private System.Collections.Concurrent.ConcurrentQueue<string> Received
        => (System.Collections.Concurrent.ConcurrentQueue<string>)_functions.GetProperty("Received")!.GetValue(null)!;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Inline_records_reach_the_method_with_their_message_context()
    {
        UseRuntime();
        string input = SqsEvents.Json(
            ("id-1", """{"Id":"order-1","Lines":["widget"]}"""),
            ("id-2", """{"Id":"order-2","Lines":["gadget","gizmo"]}"""));

        string response = await InvokeAsync("ImportClaimCheck", input);

        Assert.Equal("""{"batchItemFailures":[]}""", response);
        Assert.Equal(
            ["Import|id-1|order-1|widget|inline|deadline", "Import|id-2|order-2|gadget,gizmo|inline|deadline"],
            Received.ToArray());
    }

    [Fact]
    public async Task A_record_whose_body_is_a_pointer_is_hydrated_from_the_store()
    {
        ClaimCheckRuntime runtime = UseRuntime();
        string pointer = await StoreAsync(runtime, """{"Id":"order-big","Lines":["a","b","c"]}""");
        string input = SqsEvents.Json(("id-1", """{"Id":"order-1","Lines":[]}"""), ("id-2", pointer));

        string response = await InvokeAsync("ImportClaimCheck", input);

        Assert.Equal("""{"batchItemFailures":[]}""", response);
        Assert.Equal(["Import|id-1|order-1||inline|deadline", "Import|id-2|order-big|a,b,c|stored|deadline"], Received.ToArray());
    }

    [Fact]
    public async Task Exactly_the_record_whose_call_throws_is_reported_failed()
    {
        UseRuntime();
        string input = SqsEvents.Json(
            ("id-1", """{"Id":"order-1"}"""),
            ("id-2", """{"Id":"fail-2"}"""),
            ("id-3", """{"Id":"order-3"}"""));

        string response = await InvokeAsync("ImportClaimCheck", input);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"id-2"}]}""", response);
        Assert.Equal(["Import|id-1|order-1||inline|deadline", "Import|id-3|order-3||inline|deadline"], Received.ToArray());
    }

    [Fact]
    public async Task A_forged_pointer_to_a_bucket_not_allowed_is_reported_failed_and_the_others_succeed()
    {
        ClaimCheckRuntime runtime = UseRuntime();
        PayloadPointer real = await runtime.OffloadAsync(Utf8("""{"Id":"order-secret"}"""), CancellationToken.None);
        string forged = PayloadPointerWriter.ToJson(real with { Bucket = "attacker-bucket" });
        string input = SqsEvents.Json(("id-1", """{"Id":"order-1"}"""), ("id-forged", forged), ("id-3", PayloadPointerWriter.ToJson(real)));

        string response = await InvokeAsync("ImportClaimCheck", input);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"id-forged"}]}""", response);
        Assert.Equal(["Import|id-1|order-1||inline|deadline", "Import|id-3|order-secret||stored|deadline"], Received.ToArray());
    }

    [Fact]
    public async Task Instance_handler_with_MaxConcurrency_receives_the_Lambda_context_and_reports_its_failures()
    {
        UseRuntime();
        var records = new List<(string, string)>();
        for (int i = 0; i < 10; i++)
        {
            records.Add(("id-" + i, i % 4 == 1 ? """{"Id":"fail-""" + i + "\"}" : """{"Id":"order-""" + i + "\"}"));
        }

        string response = await InvokeAsync("ImportConcurrentlyClaimCheck", SqsEvents.Json([.. records]));

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"id-1"},{"itemIdentifier":"id-5"},{"itemIdentifier":"id-9"}]}""", response);
        string[] expected = [.. Enumerable.Range(0, 10).Where(i => i % 4 != 1).Select(i => "ImportConcurrently|id-" + i + "|order-" + i + "||inline|test-function receive 1")];
        Assert.Equal(expected, Received.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Struct_handler_runs_every_record_on_one_copy_of_the_instance()
    {
        Type functions = _fixture.Loaded.Type(CompiledQueueFunctionsFixture.StructFunctionsType);
        functions.GetProperty("ClaimCheckRuntime")!.SetValue(null, NewRuntime());

        string response = await InvokeAsync(functions, "ImportClaimCheck", SqsEvents.Json(("id-1", """{"Id":"order-1"}"""), ("id-2", """{"Id":"order-2"}""")));

        Assert.Equal("""{"batchItemFailures":[]}""", response);
        Assert.Equal(["Struct||order-1||inline|call 1", "Struct||order-2||inline|call 2"], Received.ToArray());
    }

    [Fact]
    public async Task Sns_event_reaches_the_method_inline_and_through_a_pointer()
    {
        ClaimCheckRuntime runtime = UseRuntime();
        string pointer = await StoreAsync(runtime, """{"Id":"order-big","Lines":["x"]}""");

        string response = await InvokeAsync("NotifyClaimCheck", QueueEvents.Sns(("sns-1", """{"Id":"order-1"}"""), ("sns-2", pointer)));

        Assert.Equal(string.Empty, response);
        Assert.Equal(["Notify|sns-1|order-1||inline|" + TopicArn, "Notify|sns-2|order-big|x|stored|" + TopicArn], Received.ToArray());
    }

    [Fact]
    public async Task Sns_wrapper_throws_ClaimCheckBatchException_when_the_method_throws()
    {
        UseRuntime();

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(
            () => InvokeAsync("NotifyClaimCheck", QueueEvents.Sns(("sns-1", """{"Id":"fail-1"}"""), ("sns-2", """{"Id":"order-2"}"""))));

        Assert.Equal(["sns-1"], error.FailedMessageIds);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        // The other record was still processed.
        Assert.Equal(["Notify|sns-2|order-2||inline|" + TopicArn], Received.ToArray());
    }

    [Fact]
    public void Handler_constant_names_the_batch_wrapper_as_Lambda_resolves_it()
    {
        string handler = (string)_functions.GetField("ImportConcurrentlyClaimCheckHandler")!.GetRawConstantValue()!;

        string[] parts = handler.Split("::");
        Type type = _fixture.Loaded.Assembly.GetType(parts[1], throwOnError: true)!;
        MethodInfo wrapper = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance)!;
        Assert.Equal(typeof(Task<Stream>), wrapper.ReturnType);
        Assert.Equal(typeof(Stream), wrapper.GetParameters()[0].ParameterType);
    }

    private ClaimCheckRuntime NewRuntime() => new(
        new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket },
        new FilePayloadStore(_store.Root));

    private ClaimCheckRuntime UseRuntime()
    {
        ClaimCheckRuntime runtime = NewRuntime();
        _functions.GetProperty("ClaimCheckRuntime")!.SetValue(null, runtime);
        return runtime;
    }

    private static ReadOnlySequence<byte> Utf8(string json) => new(Encoding.UTF8.GetBytes(json));

    /// <summary>Stores <paramref name="json"/> and returns the PayloadGen pointer a producer would send instead.</summary>
    private static async Task<string> StoreAsync(ClaimCheckRuntime runtime, string json)
        => PayloadPointerWriter.ToJson(await runtime.OffloadAsync(Utf8(json), CancellationToken.None));

    private Task<string> InvokeAsync(string wrapper, string input) => InvokeAsync(_functions, wrapper, input);

    /// <summary>Calls a wrapper as the Lambda runtime does: a new instance, the event stream and a context.</summary>
    private async Task<string> InvokeAsync(Type functions, string wrapper, string input)
        => Encoding.UTF8.GetString(await WrapperInvocation.InvokeAsync(_fixture.Loaded, functions, wrapper, Encoding.UTF8.GetBytes(input)));
}
