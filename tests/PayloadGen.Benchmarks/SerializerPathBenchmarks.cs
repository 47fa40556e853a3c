using System.IO;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PayloadGen.Benchmarks;

/// <summary>
/// The claim-check serializer (synchronous <c>ILambdaSerializer</c>, blocking on the runtime's asynchronous store calls)
/// against the <c>[ClaimCheck]</c> wrapper path (awaiting the same calls), for an inline 100 KB response and a 20 MB one
/// stored through the file store and read back.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SerializerPathBenchmarks
{
    private ClaimCheckRuntime _runtime = null!;
    private ClaimCheckLambdaSerializer _serializer = null!;
    private Invoice _small = null!;
    private Invoice _large = null!;

    // Lambda's handler wrapper keeps one output stream and rewinds it for every invocation (SetLength(0)); so does this.
    private readonly MemoryStream _output = new();

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(Path.Combine(Path.GetTempPath(), "payloadgen-bench-serializer")));
        _serializer = new ClaimCheckLambdaSerializer(_runtime, BenchmarkJsonContext.Default);
        _small = Invoice.OfSize(100_000);
        _large = Invoice.OfSize(20 * 1024 * 1024);
    }

    [Benchmark(Baseline = true, Description = "wrapper: await DehydrateAsync (inline)")]
    [BenchmarkCategory("inline 100 KB")]
    public async Task<long> WrapperInline()
    {
        await using Stream stream = await _runtime.DehydrateAsync(_small, BenchmarkJsonContext.Default.Invoice, PayloadSource.Direct, 0, CancellationToken.None);
        return stream.Length;
    }

    [Benchmark(Description = "serializer: Serialize (inline)")]
    [BenchmarkCategory("inline 100 KB")]
    public long SerializerInline()
    {
        _output.SetLength(0);
        _serializer.Serialize(_small, _output);
        return _output.Length;
    }

    [Benchmark(Baseline = true, Description = "wrapper: await DehydrateAsync + HydrateAsync (stored)")]
    [BenchmarkCategory("stored 20 MB")]
    public async Task<int> WrapperStored()
    {
        await using Stream pointer = await _runtime.DehydrateAsync(_large, BenchmarkJsonContext.Default.Invoice, PayloadSource.Direct, 0, CancellationToken.None);
        Invoice? invoice = await _runtime.HydrateAsync(pointer, BenchmarkJsonContext.Default.Invoice, allowBarePointer: false, CancellationToken.None);
        return invoice!.Lines.Count;
    }

    [Benchmark(Description = "serializer: Serialize + Deserialize (stored, sync over async)")]
    [BenchmarkCategory("stored 20 MB")]
    public int SerializerStored()
    {
        _output.SetLength(0);
        _serializer.Serialize(_large, _output);
        _output.Position = 0;
        return _serializer.Deserialize<Invoice>(_output).Lines.Count;
    }
}
