using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PayloadGen.Benchmarks;

/// <summary>
/// The performance contract's inline path: a payload under the threshold must cost within a few percent of plain
/// System.Text.Json on the same stream (the baseline is what Lambda's own serializer does).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class InlinePathBenchmarks
{
    private ClaimCheckRuntime _runtime = null!;
    private Invoice _invoice = null!;
    private byte[] _json = null!;

    [Params(1_024, 100_000, 1_000_000)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(Path.Combine(Path.GetTempPath(), "payloadgen-bench")));
        _invoice = Invoice.OfSize(Bytes);
        _json = JsonSerializer.SerializeToUtf8Bytes(_invoice, BenchmarkJsonContext.Default.Invoice);
    }

    [Benchmark(Baseline = true, Description = "STJ serialize to MemoryStream")]
    [BenchmarkCategory("response")]
    public long SerializeBaseline()
    {
        using var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, _invoice, BenchmarkJsonContext.Default.Invoice);
        return stream.Length;
    }

    [Benchmark(Description = "PayloadGen dehydrate (inline)")]
    [BenchmarkCategory("response")]
    public async Task<long> Dehydrate()
    {
        await using Stream stream = await _runtime.DehydrateAsync(_invoice, BenchmarkJsonContext.Default.Invoice, PayloadSource.Direct, 0, CancellationToken.None);
        return stream.Length;
    }

    /// <summary>The inline path before streaming: one synchronous pass into pooled segments (unbounded memory past the threshold).</summary>
    [Benchmark(Description = "before streaming: synchronous pass into pooled memory")]
    [BenchmarkCategory("response")]
    public long SynchronousPooledPass()
    {
        using PooledByteBuffer buffer = PooledJsonSerializer.Serialize(_invoice, BenchmarkJsonContext.Default.Invoice);
        using var stream = new ReadOnlySequenceStream(buffer.WrittenSequence);
        return stream.Length;
    }

    [Benchmark(Baseline = true, Description = "STJ deserialize from MemoryStream")]
    [BenchmarkCategory("request")]
    public async Task<int> DeserializeBaseline()
    {
        Invoice? invoice = await JsonSerializer.DeserializeAsync(new MemoryStream(_json, writable: false), BenchmarkJsonContext.Default.Invoice);
        return invoice!.Lines.Count;
    }

    [Benchmark(Description = "PayloadGen hydrate (inline)")]
    [BenchmarkCategory("request")]
    public async Task<int> Hydrate()
    {
        Invoice? invoice = await _runtime.HydrateAsync(new MemoryStream(_json, 0, _json.Length, writable: false, publiclyVisible: true), BenchmarkJsonContext.Default.Invoice, allowBarePointer: true, CancellationToken.None);
        return invoice!.Lines.Count;
    }
}
