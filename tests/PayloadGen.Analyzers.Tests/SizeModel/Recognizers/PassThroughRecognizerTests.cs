using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class PassThroughRecognizerTests
{
    [Theory]
    [InlineData("Convert.ToBase64String(File.ReadAllBytes(path))")]
    [InlineData("Encoding.UTF8.GetString(File.ReadAllBytes(path))")]
    [InlineData("await Task.FromResult(File.ReadAllText(path))")]
    public void Base64_text_decoding_and_FromResult_carry_their_argument(string call)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F { public async Task<string> Probe(string path) { await Task.Yield(); return {{call}}; } }
            """);

        Assert.Equal(EvidenceKind.WholeFile, Assert.Single(findings.Unbounded).Kind);
    }

    [Fact]
    public void Base64_of_a_fixed_buffer_is_not_evidence()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F { public string Probe() => Convert.ToBase64String(new byte[16]); }
            """);

        Assert.Empty(findings.Unbounded);
    }

    [Fact]
    public void Base64_held_as_a_static_method_group_encodes_the_delegate_calls_argument()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private static readonly Func<byte[], string> Encode = Convert.ToBase64String;
                public string Probe(string path) => Encode(File.ReadAllBytes(path));
                public string Fixed() => Encode(new byte[16]);
            }
            """);

        Assert.Equal(EvidenceKind.WholeFile, Assert.Single(findings.Unbounded).Kind);
    }
}
