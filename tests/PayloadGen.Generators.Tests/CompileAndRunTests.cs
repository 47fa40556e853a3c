using System;
using System.Buffers;
using System.IO;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Runs generated wrappers as Lambda would — by reflection, with the raw payload as a stream — against a
/// <see cref="FilePayloadStore"/> in a temporary folder, and checks the bytes that come back and the objects stored.
/// </summary>
public sealed class CompileAndRunTests : IClassFixture<CompiledFunctionsFixture>, IDisposable
{
    private const string SmallRequest = """{"Name":"small","Rows":2,"Note":null}""";
    private const long LargeThreshold = 1024 * 1024;

    private readonly CompiledFunctionsFixture _fixture;
    private readonly Type _functions;
    private readonly TemporaryFileStore _store = new();

    public CompileAndRunTests(CompiledFunctionsFixture fixture)
    {
        _fixture = fixture;
        _functions = fixture.Loaded.Type(CompiledFunctionsFixture.FunctionsType);
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("BuildClaimCheck")]
    [InlineData("BuildAsyncClaimCheck")]
    [InlineData("BuildValueTaskClaimCheck")]
    [InlineData("BuildStaticClaimCheck")]
    public async Task Returns_small_response_inline_exactly_as_Lambdas_serializer_writes_it(string wrapper)
    {
        UseRuntime(LargeThreshold);

        byte[] response = await InvokeAsync(wrapper, Encoding.UTF8.GetBytes(SmallRequest));

        Assert.Equal(ExpectedReportJson(SmallRequest), response);
        Assert.Empty(_store.StoredObjects());
    }

    [Fact]
    public async Task Returns_a_request_shaped_like_a_pointer_byte_for_byte_when_its_type_has_those_members()
    {
        UseRuntime(LargeThreshold);
        // No such object exists: if the wrapper took this for a pointer it would fail to find it.
        byte[] request = Encoding.UTF8.GetBytes("""{"bucket":"local","key":"payloadgen/not-a-pointer"}""");

        byte[] response = await InvokeAsync("EchoClaimCheck", request);

        object location = JsonSerializer.Deserialize(request, _fixture.Loaded.Type("RunDemo.S3Location"), ClaimCheckJson.LambdaDefaultOptions)!;
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(location, location.GetType(), ClaimCheckJson.LambdaDefaultOptions), response);
        Assert.Equal("""{"Bucket":"local","Key":"payloadgen/not-a-pointer"}""", Encoding.UTF8.GetString(response));
    }

    [Fact]
    public async Task Offloads_response_over_threshold()
    {
        ClaimCheckRuntime runtime = UseRuntime(inlineThresholdBytes: 256);
        string request = """{"Name":"large","Rows":100}""";

        byte[] response = await InvokeAsync("BuildClaimCheck", Encoding.UTF8.GetBytes(request));

        PayloadPointer pointer = ReadPointer(response);
        byte[] expected = ExpectedReportJson(request);
        Assert.True(expected.Length > 256);
        Assert.Equal(runtime.Store.Bucket, pointer.Bucket);
        Assert.StartsWith(ClaimCheckOptions.DefaultKeyPrefix, pointer.Key, StringComparison.Ordinal);
        Assert.Equal(expected.Length, pointer.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), pointer.Sha256);
        Assert.Equal(expected, File.ReadAllBytes(_store.PathOf(pointer)));
    }

    [Fact]
    public async Task Offloads_response_over_the_attributes_threshold()
    {
        UseRuntime(LargeThreshold);

        byte[] response = await InvokeAsync("BuildWithSmallThresholdClaimCheck", Encoding.UTF8.GetBytes(SmallRequest));

        PayloadPointer pointer = ReadPointer(response);
        Assert.Equal(ExpectedReportJson(SmallRequest), File.ReadAllBytes(_store.PathOf(pointer)));
    }

    [Fact]
    public async Task Hydrates_request_sent_as_a_pointer()
    {
        ClaimCheckRuntime runtime = UseRuntime(LargeThreshold);
        string request = """{"Name":"stored","Rows":3}""";
        PayloadPointer pointer = await runtime.OffloadAsync(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(request)), CancellationToken.None);

        byte[] response = await InvokeAsync("BuildClaimCheck", PayloadPointerWriter.ToUtf8(pointer));

        Assert.Equal(ExpectedReportJson(request), response);
    }

    [Fact]
    public async Task Follows_a_bare_pointer_when_the_request_type_cannot_have_that_shape()
    {
        ClaimCheckRuntime runtime = UseRuntime(LargeThreshold);
        string request = """{"Name":"bare","Rows":1}""";
        PayloadPointer pointer = await runtime.OffloadAsync(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(request)), CancellationToken.None);
        string bare = JsonSerializer.Serialize(new { bucket = pointer.Bucket, key = pointer.Key });

        byte[] response = await InvokeAsync("BuildClaimCheck", Encoding.UTF8.GetBytes(bare));

        Assert.Equal(ExpectedReportJson(request), response);
    }

    [Theory]
    [InlineData("RecordClaimCheck", "Task:")]
    [InlineData("RecordValueTaskClaimCheck", "ValueTask:")]
    [InlineData("RecordVoidClaimCheck", "void:")]
    public async Task Calls_methods_without_response_and_returns_an_empty_stream(string wrapper, string prefix)
    {
        UseRuntime(LargeThreshold);
        _functions.GetProperty("LastRecorded")!.SetValue(null, null);

        byte[] response = await InvokeAsync(wrapper, Encoding.UTF8.GetBytes(SmallRequest));

        Assert.Empty(response);
        Assert.Equal(prefix + "small", _functions.GetProperty("LastRecorded")!.GetValue(null));
    }

    [Theory]
    [InlineData(100, "true")]
    [InlineData(300_000, "false")]
    public async Task Cancels_the_token_when_the_remaining_time_is_below_the_margin(int remainingMilliseconds, string expected)
    {
        UseRuntime(LargeThreshold);

        byte[] response = await InvokeAsync("DeadlinePassedClaimCheck", [], TimeSpan.FromMilliseconds(remainingMilliseconds));

        Assert.Equal(expected, Encoding.UTF8.GetString(response));
    }

    [Fact]
    public async Task Uses_the_attributes_JsonContext()
    {
        UseRuntime(LargeThreshold);

        byte[] response = await InvokeAsync("BuildWithContextClaimCheck", Encoding.UTF8.GetBytes("""{"name":"ctx","rows":1}"""));

        Assert.Equal("""{"title":"Report for ctx","lines":["line 0"],"missing":null,"unicode":"\u00E9 \u00FC \u2713 \u003Ctag\u003E \u0026 \u0022quoted\u0022"}""", Encoding.UTF8.GetString(response));
    }

    [Fact]
    public void Handler_constant_names_the_wrapper_as_Lambda_resolves_it()
    {
        string handler = (string)_functions.GetField("BuildClaimCheckHandler")!.GetRawConstantValue()!;

        string[] parts = handler.Split("::");
        Assert.Equal(_fixture.Loaded.Assembly.GetName().Name, parts[0]);
        Type type = _fixture.Loaded.Assembly.GetType(parts[1], throwOnError: true)!;
        Assert.NotNull(type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance));
    }

    [Fact]
    public async Task Runs_with_the_input_stream_alone_when_the_compilation_has_no_Lambda_context()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(
            """
            using System.Threading;
            using PayloadGen;

            namespace Local;

            public sealed class Greeting { public string Name { get; set; } = ""; }

            public static partial class Functions
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                [ClaimCheck]
                public static string Greet(Greeting greeting, CancellationToken cancellationToken)
                    => "Hello " + greeting.Name + (cancellationToken.CanBeCanceled ? " (with deadline)" : " (no deadline)");
            }
            """,
            lambdaContext: false));
        Assert.Empty(run.OutputProblems());
        using LoadedAssembly loaded = LoadedAssembly.Load(run.Output);
        Type functions = loaded.Type("Local.Functions");
        functions.GetProperty("ClaimCheckRuntime")!.SetValue(null, NewRuntime(LargeThreshold));
        MethodInfo wrapper = functions.GetMethod("GreetClaimCheck")!;
        Assert.Equal([typeof(Stream)], Array.ConvertAll(wrapper.GetParameters(), parameter => parameter.ParameterType));

        using var input = new MemoryStream(Encoding.UTF8.GetBytes("""{"Name":"local"}"""));
        using Stream output = await (Task<Stream>)wrapper.Invoke(null, [input])!;
        using var reader = new StreamReader(output);

        Assert.Equal("\"Hello local (no deadline)\"", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Runs_a_handler_whose_payload_and_response_are_dynamic()
    {
        // A dynamic local in the wrapper would bind its calls at run time to the JsonElement inside (it failed every call).
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(
            """
            using PayloadGen;

            namespace Loose;

            public static partial class Functions
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                [ClaimCheck]
                public static dynamic Greet(dynamic input) => new { greeting = "Hello " + input.GetProperty("name").GetString() };

                [ClaimCheck]
                public static dynamic? Nothing(dynamic? input) => input;
            }
            """));
        Assert.Empty(run.OutputProblems());
        using LoadedAssembly loaded = LoadedAssembly.Load(run.Output);
        Type functions = loaded.Type("Loose.Functions");
        functions.GetProperty("ClaimCheckRuntime")!.SetValue(null, NewRuntime(inlineThresholdBytes: 16));

        byte[] greeting = await WrapperInvocation.InvokeAsync(loaded, functions, "GreetClaimCheck", Encoding.UTF8.GetBytes("""{"name":"dynamic world"}"""));
        byte[] nothing = await WrapperInvocation.InvokeAsync(loaded, functions, "NothingClaimCheck", Encoding.UTF8.GetBytes("null"));

        PayloadPointer pointer = ReadPointer(greeting);
        Assert.Equal("""{"greeting":"Hello dynamic world"}""", File.ReadAllText(_store.PathOf(pointer)));
        Assert.Equal("null", Encoding.UTF8.GetString(nothing));
    }

    private ClaimCheckRuntime NewRuntime(long inlineThresholdBytes) => new(
        new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket, InlineThresholdBytes = inlineThresholdBytes },
        new FilePayloadStore(_store.Root));

    private ClaimCheckRuntime UseRuntime(long inlineThresholdBytes)
    {
        ClaimCheckRuntime runtime = NewRuntime(inlineThresholdBytes);
        _functions.GetProperty("ClaimCheckRuntime")!.SetValue(null, runtime);
        return runtime;
    }

    /// <summary>Calls a wrapper as the Lambda runtime does: a new instance, the payload stream and a context.</summary>
    private Task<byte[]> InvokeAsync(string wrapper, byte[] payload, TimeSpan? remainingTime = null)
        => WrapperInvocation.InvokeAsync(_fixture.Loaded, _functions, wrapper, payload, remainingTime);

    /// <summary>What Lambda's default serializer would return for <c>Make(request)</c>.</summary>
    private byte[] ExpectedReportJson(string requestJson)
    {
        Type requestType = _fixture.Loaded.Type("RunDemo.ReportRequest");
        object request = JsonSerializer.Deserialize(requestJson, requestType, ClaimCheckJson.LambdaDefaultOptions)!;
        object report = _functions.GetMethod("Make")!.Invoke(null, [request])!;
        return JsonSerializer.SerializeToUtf8Bytes(report, report.GetType(), ClaimCheckJson.LambdaDefaultOptions);
    }

    private static PayloadPointer ReadPointer(byte[] response)
    {
        Assert.True(PayloadPointerReader.TryRead(response, allowBareShape: false, out PayloadPointer? pointer), "Expected a pointer, got " + Encoding.UTF8.GetString(response));
        Assert.Contains("\"$payloadgen\"", Encoding.UTF8.GetString(response), StringComparison.Ordinal);
        return pointer!;
    }
}
