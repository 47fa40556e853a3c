using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace PayloadGen.Benchmarks;

/// <summary>
/// Reading a 20 MB stored payload: PayloadGen streams it into the deserializer while hashing it; the baseline is
/// the hand-written claim check that reads the whole object into memory first and then parses it.
/// </summary>
[MemoryDiagnoser]
public class StoredPathBenchmarks
{
    private ClaimCheckRuntime _runtime = null!;
    private PayloadPointer _pointer = null!;
    private string _file = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        string folder = Path.Combine(Path.GetTempPath(), "payloadgen-bench-stored");
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(folder));
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(Invoice.OfSize(20 * 1024 * 1024), BenchmarkJsonContext.Default.Invoice);
        _pointer = await _runtime.OffloadAsync(new ReadOnlySequence<byte>(json), CancellationToken.None);
        _file = Path.Combine(folder, _pointer.Bucket, _pointer.Key);
    }

    [Benchmark(Baseline = true, Description = "read whole object, then parse (no verification)")]
    public int ReadAllThenParse()
    {
        byte[] bytes = File.ReadAllBytes(_file);
        return JsonSerializer.Deserialize(bytes, BenchmarkJsonContext.Default.Invoice)!.Lines.Count;
    }

    [Benchmark(Description = "PayloadGen: stream, hash and parse in one pass")]
    public async Task<int> StreamVerifyAndParse()
        => (await _runtime.ReadAsync(_pointer, BenchmarkJsonContext.Default.Invoice, CancellationToken.None))!.Lines.Count;
}
