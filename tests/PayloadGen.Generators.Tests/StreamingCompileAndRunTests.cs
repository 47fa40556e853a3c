using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Runs the wrappers of streaming handlers as Lambda would, against a <see cref="FilePayloadStore"/> with 64 KiB
/// parts: <c>IAsyncEnumerable&lt;T&gt;</c> and lazy <c>IEnumerable&lt;T&gt;</c> responses leave as a JSON array (inline,
/// or stored part by part), and <c>IAsyncEnumerable&lt;T&gt;</c> requests are read item by item.
/// </summary>
public sealed class StreamingCompileAndRunTests : IClassFixture<CompiledStreamingFunctionsFixture>, IDisposable
{
    private const int PartBytes = 64 * 1024;

    private readonly CompiledStreamingFunctionsFixture _fixture;
    private readonly Type _functions;
    private readonly TemporaryFileStore _store = new();

    public StreamingCompileAndRunTests(CompiledStreamingFunctionsFixture fixture)
    {
        _fixture = fixture;
        _functions = fixture.Loaded.Type(CompiledStreamingFunctionsFixture.FunctionsType);
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("ExportClaimCheck")]
    [InlineData("ExportLazilyClaimCheck")]
    public async Task Small_enumerable_response_is_the_JSON_array_Lambdas_serializer_would_write(string wrapper)
    {
        UseRuntime(inlineThresholdBytes: 1024 * 1024);

        byte[] response = await InvokeAsync(wrapper, """{"Rows":3}"""u8.ToArray());

        Assert.Equal(ExpectedRowsJson(3), response);
        Assert.Empty(_store.StoredObjects());
    }

    [Theory]
    [InlineData("ExportClaimCheck")]
    [InlineData("ExportLazilyClaimCheck")]
    public async Task Large_enumerable_response_is_stored_in_parts_and_read_back_byte_for_byte(string wrapper)
    {
        UseRuntime(inlineThresholdBytes: 1024);

        byte[] response = await InvokeAsync(wrapper, """{"Rows":20000}"""u8.ToArray());

        PayloadPointer pointer = ReadPointer(response);
        byte[] expected = ExpectedRowsJson(20000);
        Assert.True(expected.Length > 5 * PartBytes);
        Assert.Equal(expected.Length, pointer.Size);
        Assert.Equal(expected, File.ReadAllBytes(_store.PathOf(pointer)));
        Assert.Single(_store.StoredObjects()); // no temporary file left beside it
    }

    [Fact]
    public async Task Enumerable_request_behind_a_pointer_is_read_item_by_item()
    {
        ClaimCheckRuntime runtime = UseRuntime(inlineThresholdBytes: 1024);
        PayloadPointer stored = await runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(ExpectedRowsJson(5000)), CancellationToken.None);

        byte[] response = await InvokeAsync("ImportClaimCheck", PayloadPointerWriter.ToUtf8(stored));

        Assert.Equal(Enumerable.Range(0, 5000).Sum(i => (long)i).ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(response));
    }

    [Fact]
    public async Task Inline_enumerable_request_is_read_the_same_way()
    {
        UseRuntime(inlineThresholdBytes: 1024);

        byte[] response = await InvokeAsync("ImportClaimCheck", ExpectedRowsJson(10));

        Assert.Equal("45", Encoding.UTF8.GetString(response));
    }

    [Fact]
    public async Task Null_item_of_a_non_nullable_item_type_fails_the_invocation_at_that_item()
    {
        UseRuntime(inlineThresholdBytes: 1024);
        byte[] rows = """[{"Number":1,"Text":"a"},{"Number":2,"Text":"b"},null,{"Number":4,"Text":"d"}]"""u8.ToArray();

        var error = await Assert.ThrowsAsync<PayloadNullException>(() => InvokeAsync("ImportClaimCheck", rows));

        Assert.Equal(2, error.ItemIndex);
        Assert.Equal(CompiledStreamingFunctionsFixture.RowType, error.TargetType.FullName);
    }

    [Fact]
    public async Task Null_items_reach_a_handler_whose_item_type_is_nullable()
    {
        ClaimCheckRuntime runtime = UseRuntime(inlineThresholdBytes: 1024);
        byte[] rows = """[{"Number":1,"Text":"a"},null,{"Number":3,"Text":"c"},null]"""u8.ToArray();
        PayloadPointer stored = await runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(rows), CancellationToken.None);

        Assert.Equal("\"4,2\"", Encoding.UTF8.GetString(await InvokeAsync("ImportSparseClaimCheck", rows)));
        Assert.Equal("\"4,2\"", Encoding.UTF8.GetString(await InvokeAsync("ImportSparseClaimCheck", PayloadPointerWriter.ToUtf8(stored))));
    }

    [Fact]
    public async Task Tampered_enumerable_request_fails_the_invocation_after_the_array_ended()
    {
        ClaimCheckRuntime runtime = UseRuntime(inlineThresholdBytes: 1024);
        PayloadPointer stored = await runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(ExpectedRowsJson(100)), CancellationToken.None);
        byte[] bytes = File.ReadAllBytes(_store.PathOf(stored));
        int digit = Array.LastIndexOf(bytes, (byte)'9');
        bytes[digit] = (byte)'8';
        File.WriteAllBytes(_store.PathOf(stored), bytes);

        await Assert.ThrowsAsync<PayloadIntegrityException>(() => InvokeAsync("ImportClaimCheck", PayloadPointerWriter.ToUtf8(stored)));
    }

    [Fact]
    public async Task Enumerable_request_stays_open_while_the_enumerable_response_it_feeds_is_stored()
    {
        ClaimCheckRuntime runtime = UseRuntime(inlineThresholdBytes: 1024);
        PayloadPointer stored = await runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(ExpectedRowsJson(8000)), CancellationToken.None);

        byte[] response = await InvokeAsync("TransformClaimCheck", PayloadPointerWriter.ToUtf8(stored));

        PayloadPointer written = ReadPointer(response);
        using JsonDocument rows = JsonDocument.Parse(File.ReadAllBytes(_store.PathOf(written)));
        Assert.Equal(8000, rows.RootElement.GetArrayLength());
        Assert.Equal(2 * 7999, rows.RootElement[7999].GetProperty("Number").GetInt32());
        Assert.Equal("ROW 7999 É ✓", rows.RootElement[7999].GetProperty("Text").GetString());
    }

    [Fact]
    public async Task Deadline_stops_the_export_and_leaves_no_object()
    {
        UseRuntime(inlineThresholdBytes: 1024);
        FieldInfo produced = _functions.GetField("Produced")!;
        produced.SetValue(null, 0);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => InvokeAsync("ExportClaimCheck", """{"Rows":100000000}"""u8.ToArray(), TimeSpan.FromMilliseconds(700)));

        Assert.InRange((int)produced.GetValue(null)!, 1, 99_999_999);
        Assert.Empty(_store.StoredObjects());
    }

    private ClaimCheckRuntime UseRuntime(long inlineThresholdBytes)
    {
        var runtime = new ClaimCheckRuntime(
            new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket, InlineThresholdBytes = inlineThresholdBytes, DeadlineMargin = TimeSpan.FromMilliseconds(500) },
            new FilePayloadStore(_store.Root, partSizeBytes: PartBytes));
        _functions.GetProperty("ClaimCheckRuntime")!.SetValue(null, runtime);
        return runtime;
    }

    private Task<byte[]> InvokeAsync(string wrapper, byte[] payload, TimeSpan? remainingTime = null)
        => WrapperInvocation.InvokeAsync(_fixture.Loaded, _functions, wrapper, payload, remainingTime);

    /// <summary>What Lambda's default serializer writes for the first <paramref name="count"/> rows as an array.</summary>
    private byte[] ExpectedRowsJson(int count)
    {
        MethodInfo make = _functions.GetMethod("Make")!;
        Type row = _fixture.Loaded.Type(CompiledStreamingFunctionsFixture.RowType);
        IList rows = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(row))!;
        for (int i = 0; i < count; i++)
        {
            rows.Add(make.Invoke(null, [i]));
        }

        return JsonSerializer.SerializeToUtf8Bytes(rows, rows.GetType(), ClaimCheckJson.LambdaDefaultOptions);
    }

    private static PayloadPointer ReadPointer(byte[] response)
    {
        Assert.True(PayloadPointerReader.TryRead(response, allowBareShape: false, out PayloadPointer? pointer), "Expected a pointer, got " + Encoding.UTF8.GetString(response));
        return pointer!;
    }
}
