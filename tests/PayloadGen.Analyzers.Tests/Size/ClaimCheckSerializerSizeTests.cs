using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// Handlers whose payloads go through a <c>[ClaimCheckSerializer]</c> (named by <c>[LambdaSerializer]</c> on the assembly
/// or the method) are already offloaded: the size rules say nothing about them, and still report the same handler
/// behind an ordinary serializer.
/// </summary>
public class ClaimCheckSerializerSizeTests
{
    private const string Usings = """
        using System.IO;
        using Amazon.Lambda.Core;
        using PayloadGen;

        """;

    private const string Functions = """
        [ClaimCheckSerializer] public partial class OffloadingSerializer { }
        public class PlainSerializer { }
        public class Document { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }

        """;

    private const string Handler = """
            public Document {|#0:Get|}(string name, ILambdaContext context) =>
                new Document { Name = name, Content = File.ReadAllBytes("/tmp/" + name) };
        """;

    [Fact]
    public async Task Handler_of_an_assembly_with_a_claim_check_serializer_is_not_reported()
    {
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer>
        {
            TestCode = Usings + "[assembly: LambdaSerializer(typeof(OffloadingSerializer))]\n" + Functions + "public class Functions\n{\n" + Handler.Replace("{|#0:Get|}", "Get", System.StringComparison.Ordinal) + "\n}\n",
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Handler_whose_own_serializer_is_a_claim_check_serializer_is_not_reported()
    {
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer>
        {
            TestCode = Usings + Functions + "public class Functions\n{\n    [LambdaSerializer(typeof(OffloadingSerializer))]\n" + Handler.Replace("{|#0:Get|}", "Get", System.StringComparison.Ordinal) + "\n}\n",
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Handler_of_an_assembly_with_an_ordinary_serializer_is_still_reported()
    {
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer>
        {
            TestCode = Usings + "[assembly: LambdaSerializer(typeof(PlainSerializer))]\n" + Functions + "public class Functions\n{\n" + Handler + "\n}\n",
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0)
            .WithMessage("The response of 'Get' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: Document.Content \u2190 File.ReadAllBytes reads a whole file; add [ClaimCheck] to offload large responses to S3"));
        await test.RunAsync();
    }
}
