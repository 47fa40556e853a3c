using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

public class InvalidClaimCheckArgumentTests
{
    private static DiagnosticResult Expected(int location, string method, string reason) =>
        new DiagnosticResult(Rules.InvalidClaimCheckArgument).WithLocation(location)
            .WithMessage($"[ClaimCheck] cannot wrap '{method}': {reason}");

    [Fact]
    public async Task Reports_JsonContext_types_that_are_not_concrete_contexts_at_the_argument()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckArgumentAnalyzer>
        {
            TestCode = """
                using System.Text.Json.Serialization;
                using PayloadGen;
                public abstract class AbstractContext : JsonSerializerContext { protected AbstractContext() : base(null) { } }
                public partial class Functions
                {
                    [ClaimCheck(JsonContext = {|#0:typeof(string)|})] public string A(string input) => input;
                    [ClaimCheck(JsonContext = {|#1:typeof(AbstractContext)|})] public string B(string input) => input;
                    [ClaimCheck(JsonContext = {|#2:typeof(System.Collections.Generic.List<>)|})] public string C(string input) => input;
                }
                """,
        };
        const string Fix = "is not a concrete, non-generic JsonSerializerContext; set JsonContext to a partial class deriving from JsonSerializerContext with [JsonSerializable] for the request and response types";
        test.ExpectedDiagnostics.Add(Expected(0, "A", "JsonContext 'string' " + Fix));
        test.ExpectedDiagnostics.Add(Expected(1, "B", "JsonContext 'AbstractContext' " + Fix));
        test.ExpectedDiagnostics.Add(Expected(2, "C", "JsonContext 'List<>' " + Fix));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_undefined_source_is_not_also_checked_as_a_guessed_source()
    {
        // With Source unknown, the handler's QueueMessageContext is neither right nor wrong: only the value is reported.
        var test = new PayloadGenAnalyzerTest<ClaimCheckArgumentAnalyzer>
        {
            TestCode = """
                using System.Threading.Tasks;
                using PayloadGen;
                public partial class Functions
                {
                    [ClaimCheck(Source = {|#0:(PayloadSource)42|})] public Task Import(string order, QueueMessageContext message) => Task.CompletedTask;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "Import", "Source is 42, which is not a PayloadSource value; set Source to a named PayloadSource member"));
        await test.RunAsync();

        await new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>
        {
            TestCode = """
                using System.Threading.Tasks;
                using PayloadGen;
                public partial class Functions
                {
                    [ClaimCheck(Source = (PayloadSource)42)] public Task Import(string order, QueueMessageContext message) => Task.CompletedTask;
                }
                """,
        }.RunAsync();
    }
}
