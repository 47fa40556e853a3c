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
}
