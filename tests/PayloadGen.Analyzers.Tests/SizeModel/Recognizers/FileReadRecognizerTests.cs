using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class FileReadRecognizerTests
{
    [Theory]
    [InlineData("File.ReadAllBytes(path)", "File.ReadAllBytes")]
    [InlineData("await File.ReadAllTextAsync(path)", "File.ReadAllTextAsync")]
    [InlineData("File.ReadLines(path).ToList()", "File.ReadLines")]
    public void A_whole_file_read_is_unbounded_evidence_naming_the_API(string read, string api)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F { public async Task<object> Probe(string path) { await Task.Yield(); return {{read}}; } }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.WholeFile, evidence.Kind);
        Assert.Equal(api, evidence.Detail);
    }

    [Fact]
    public void Other_File_calls_are_claimed_but_mean_nothing()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F { public string[] Probe(string path) => File.Exists(path) ? Directory.GetFiles(path) : File.ReadAllLines(path).Take(3).ToArray(); }
            """);

        Assert.Empty(findings.Unbounded);
        Assert.Contains(findings.Bounded, b => b.Kind == EvidenceKind.BoundingOperator && b.Detail == "Take(3)");
    }

    [Fact]
    public void A_file_read_held_as_a_method_group_is_the_read_it_stands_for()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private static readonly Func<string, byte[]> ReadBytes = File.ReadAllBytes;
                private static readonly Func<string, bool> Exists = File.Exists;
                public byte[] Probe(string path) => Exists(path) ? ReadBytes(path) : [];
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.WholeFile, evidence.Kind);
        Assert.Equal("File.ReadAllBytes", evidence.Detail);
    }
}
