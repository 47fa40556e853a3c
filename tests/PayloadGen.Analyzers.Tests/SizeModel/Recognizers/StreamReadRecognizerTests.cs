using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class StreamReadRecognizerTests
{
    [Fact]
    public void ReadToEnd_on_a_reader_reads_a_whole_stream()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                public async Task<string> Probe(IAmazonS3 s3)
                {
                    using var response = await s3.GetObjectAsync("bucket", "key");
                    using var reader = new StreamReader(response.ResponseStream);
                    return await reader.ReadToEndAsync();
                }
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.WholeStream, evidence.Kind);
        Assert.Equal("ReadToEndAsync", evidence.Detail);
    }

    [Fact]
    public void ToArray_of_a_memory_stream_is_followed_to_the_copy_that_filled_it()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                public async Task<byte[]> Probe(Stream source)
                {
                    var memory = new MemoryStream();
                    await source.CopyToAsync(memory);
                    return memory.ToArray();
                }
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.StreamCopy, evidence.Kind);
        Assert.Equal(("CopyToAsync", "memory"), (evidence.Detail, evidence.Subject));
        Assert.Equal("CopyToAsync copies a whole stream into 'memory'", FlowProbe.Reason(findings));
    }

    [Fact]
    public void A_reader_that_reads_one_line_is_not_evidence()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F { public async Task<string?> Probe(Stream source) => await new StreamReader(source).ReadLineAsync(); }
            """);

        Assert.Empty(findings.Unbounded);
    }

    [Fact]
    public void A_readers_ReadToEnd_held_as_a_method_group_reads_a_whole_stream()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                public string Probe(Stream body)
                {
                    var reader = new StreamReader(body);
                    Func<string> rest = reader.ReadToEnd;
                    return rest();
                }
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.WholeStream, evidence.Kind);
        Assert.Equal("ReadToEnd", evidence.Detail);
    }
}
