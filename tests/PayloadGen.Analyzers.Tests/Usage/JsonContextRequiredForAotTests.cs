using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

public class JsonContextRequiredForAotTests
{
    private const string Handlers = """
        using PayloadGen;
        public record Order(string Id);
        // The System.Text.Json generator does not run in these tests; only the typeof matters.
        public class AppJsonContext { }
        public partial class Functions
        {
            [{|#0:ClaimCheck|}] public Order Reflection(Order order) => order;
            [{|#1:ClaimCheck(Source = PayloadSource.Sqs)|}] public void Queue(Order order) { }
            [ClaimCheck(JsonContext = typeof(AppJsonContext))] public Order Aot(Order order) => order;
        }
        """;

    [Theory]
    [InlineData("PublishAot")]
    [InlineData("IsAotCompatible")]
    public async Task Reports_ClaimCheck_without_JsonContext_when_the_build_is_AOT(string property)
    {
        var test = new PayloadGenAnalyzerTest<AotJsonContextAnalyzer> { TestCode = Handlers }
            .WithBuildProperties($"build_property.{property} = true");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.JsonContextRequiredForAot).WithLocation(0)
            .WithMessage($"[ClaimCheck] on 'Reflection' has no JsonContext while {property} is true; set JsonContext = typeof(...) to a JsonSerializerContext that includes the request and response types"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.JsonContextRequiredForAot).WithLocation(1).WithArguments("Queue", property));
        await test.RunAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("build_property.PublishAot = false")]
    [InlineData("build_property.PublishAot = ")]
    public async Task Is_silent_when_the_build_is_not_AOT(string? properties)
    {
        var test = new PayloadGenAnalyzerTest<AotJsonContextAnalyzer>
        {
            TestCode = Handlers.Replace("{|#0:ClaimCheck|}", "ClaimCheck").Replace("{|#1:ClaimCheck(Source = PayloadSource.Sqs)|}", "ClaimCheck(Source = PayloadSource.Sqs)"),
        };
        if (properties is not null)
        {
            test.WithBuildProperties(properties);
        }

        await test.RunAsync();
    }
}
