using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PayloadGen.Benchmarks;

/// <summary>
/// The performance contract's inline path: a payload under the threshold must cost within a few percent of plain
/// System.Text.Json on the same stream. Each baseline is what a hand-written stream handler does; the Lambda serializer
/// rows are what Amazon.Lambda.Serialization.SystemTextJson does for a handler that takes and returns objects.
/// </summary>
/// <remarks>
/// Inputs are what Lambda's RuntimeSupport hands a handler: <c>new MemoryStream(bytes)</c>, whose buffer is not
/// exposed (so nobody can read it in place). Every response stream is read to its end, as the runtime does when it
/// sends it, and disposed.
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class InlinePathBenchmarks
{
    private static readonly BenchmarkLambdaContext s_context = new();

    private ClaimCheckRuntime _runtime = null!;
    private Invoice _invoice = null!;
    private byte[] _json = null!;

    /// <summary>RuntimeSupport's response stream for object-returning handlers: one per process, emptied per invocation.</summary>
    private readonly MemoryStream _lambdaResponse = new();

    [Params(1_024, 100_000, 1_000_000)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(Path.Combine(Path.GetTempPath(), "payloadgen-bench")));
        InvoiceFunctions.ClaimCheckRuntime = _runtime;
        _invoice = Invoice.OfSize(Bytes);
        _json = JsonSerializer.SerializeToUtf8Bytes(_invoice, BenchmarkJsonContext.Default.Invoice);
    }

    [Benchmark(Baseline = true, Description = "STJ: DeserializeAsync(stream)")]
    [BenchmarkCategory("request")]
    public async Task<int> DeserializeBaseline()
    {
        Invoice? invoice = await JsonSerializer.DeserializeAsync(new MemoryStream(_json), BenchmarkJsonContext.Default.Invoice);
        return invoice!.Lines.Count;
    }

    /// <summary>Amazon.Lambda.Serialization.SystemTextJson: <c>ToArray()</c> of the input, then <c>Deserialize(bytes)</c>.</summary>
    [Benchmark(Description = "Lambda serializer: ToArray + Deserialize")]
    [BenchmarkCategory("request")]
    public int DeserializeLikeLambdaSerializer()
    {
        byte[] utf8Json = new MemoryStream(_json).ToArray();
        return JsonSerializer.Deserialize(utf8Json, BenchmarkJsonContext.Default.Invoice)!.Lines.Count;
    }

    [Benchmark(Description = "PayloadGen: HydrateAsync(stream)")]
    [BenchmarkCategory("request")]
    public async Task<int> Hydrate()
    {
        Invoice? invoice = await _runtime.HydrateAsync(new MemoryStream(_json), BenchmarkJsonContext.Default.Invoice, allowBarePointer: true, CancellationToken.None);
        return invoice!.Lines.Count;
    }

    [Benchmark(Baseline = true, Description = "STJ: Serialize(new MemoryStream)")]
    [BenchmarkCategory("response")]
    public Task<long> SerializeBaseline()
    {
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, _invoice, BenchmarkJsonContext.Default.Invoice);
        stream.Position = 0;
        return SendAsync(stream);
    }

    /// <summary>Amazon.Lambda.Serialization.SystemTextJson: a new <c>Utf8JsonWriter</c> onto RuntimeSupport's reused stream.</summary>
    [Benchmark(Description = "Lambda serializer: Utf8JsonWriter onto the reused response stream")]
    [BenchmarkCategory("response")]
    public async Task<long> SerializeLikeLambdaSerializer()
    {
        _lambdaResponse.SetLength(0);
        using (var writer = new Utf8JsonWriter(_lambdaResponse))
        {
            JsonSerializer.Serialize(writer, _invoice, BenchmarkJsonContext.Default.Invoice);
        }

        _lambdaResponse.Position = 0;
        await _lambdaResponse.CopyToAsync(Stream.Null);
        return _lambdaResponse.Length;
    }

    [Benchmark(Description = "PayloadGen: DehydrateAsync (inline)")]
    [BenchmarkCategory("response")]
    public async Task<long> Dehydrate()
        => await SendAsync(await _runtime.DehydrateAsync(_invoice, BenchmarkJsonContext.Default.Invoice, PayloadSource.Direct, 0, CancellationToken.None));

    [Benchmark(Baseline = true, Description = "STJ: SerializeAsync(new MemoryStream, IAsyncEnumerable)")]
    [BenchmarkCategory("sequence response")]
    public async Task<long> SerializeSequenceBaseline()
    {
        var stream = new MemoryStream();
        await JsonSerializer.SerializeAsync(stream, Lines(), BenchmarkJsonContext.Default.IAsyncEnumerableInvoiceLine);
        stream.Position = 0;
        return await SendAsync(stream);
    }

    [Benchmark(Description = "PayloadGen: DehydrateAsync(IAsyncEnumerable) (inline)")]
    [BenchmarkCategory("sequence response")]
    public async Task<long> DehydrateSequence()
        => await SendAsync(await _runtime.DehydrateAsync(Lines(), BenchmarkJsonContext.Default.IAsyncEnumerableInvoiceLine, PayloadSource.Direct, 0, CancellationToken.None));

    [Benchmark(Baseline = true, Description = "hand-written stream handler (STJ)")]
    [BenchmarkCategory("handler")]
    public async Task<long> HandWrittenHandler()
        => await SendAsync(await InvoiceFunctions.RepriceByHand(new MemoryStream(_json), s_context));

    [Benchmark(Description = "generated claim-check handler")]
    [BenchmarkCategory("handler")]
    public async Task<long> GeneratedHandler()
        => await SendAsync(await InvoiceFunctions.RepriceClaimCheck(new MemoryStream(_json), s_context));

    /// <summary>The invoice's lines as a handler returning <c>IAsyncEnumerable&lt;T&gt;</c> produces them.</summary>
    private async IAsyncEnumerable<InvoiceLine> Lines()
    {
        foreach (InvoiceLine line in _invoice.Lines)
        {
            yield return line;
        }

        await Task.CompletedTask;
    }

    /// <summary>What RuntimeSupport does with a handler's response stream: reads it to the end, then disposes it.</summary>
    private static async Task<long> SendAsync(Stream response)
    {
        await using (response)
        {
            await response.CopyToAsync(Stream.Null);
            return response.Length;
        }
    }
}
