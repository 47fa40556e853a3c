using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Runtime;

/// <summary>Adding [ClaimCheck] must not change what callers of a deployed handler see.</summary>
public sealed class InlineJsonCompatibilityTests : System.IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly ClaimCheckRuntime _runtime;

    public InlineJsonCompatibilityTests()
    {
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Inline_response_uses_declared_names_and_omits_nulls_like_Lambdas_default_serializer()
    {
        var report = new Report { Title = "t", Comment = null, Rows = { new ReportRow { Number = 1, Text = "x" } } };

        await using Stream response = await _runtime.DehydrateAsync(report, TestPayloads.ReportType, PayloadSource.Direct, 0, CancellationToken.None);

        Assert.Equal("""{"Title":"t","Rows":[{"Number":1,"Text":"x"}]}""", new StreamReader(response).ReadToEnd());
        Assert.Empty(Directory.GetFileSystemEntries(_directory.Path));
    }

    [Fact]
    public async Task Inline_request_reads_property_names_case_insensitively()
    {
        byte[] request = Encoding.UTF8.GetBytes("""{"title":"t","rows":[{"NUMBER":7}]}""");

        Report? report = await _runtime.HydrateAsync(new MemoryStream(request), TestPayloads.ReportType, allowBarePointer: true, CancellationToken.None);

        Assert.Equal("t", report!.Title);
        Assert.Equal(7, Assert.Single(report.Rows).Number);
    }

    [Fact]
    public async Task Request_read_from_a_non_memory_stream_is_buffered_once()
    {
        byte[] request = TestPayloads.Utf8(TestPayloads.Report(300_000));
        await using var file = new BufferedStream(new MemoryStream(request), 4096);

        Report? report = await _runtime.HydrateAsync(file, TestPayloads.ReportType, allowBarePointer: true, CancellationToken.None);

        Assert.Equal(request, TestPayloads.Utf8(report!));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Inline_request_over_the_cap_is_refused_from_any_stream(bool alreadyInMemory)
    {
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { MaxPayloadBytes = 1000 }, new FilePayloadStore(_directory.Path));
        byte[] request = TestPayloads.Utf8(TestPayloads.Report(300_000));
        Stream input = alreadyInMemory ? new MemoryStream(request, 0, request.Length, writable: false, publiclyVisible: true) : new BufferedStream(new MemoryStream(request));

        await Assert.ThrowsAsync<PayloadTooLargeException>(
            () => runtime.HydrateAsync(input, TestPayloads.ReportType, true, CancellationToken.None).AsTask());
    }
}
