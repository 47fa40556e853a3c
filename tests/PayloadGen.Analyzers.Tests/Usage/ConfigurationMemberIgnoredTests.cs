using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

public class ConfigurationMemberIgnoredTests
{
    private static DiagnosticResult Expected(int location, string method, string member, string reason) =>
        new DiagnosticResult(Rules.ConfigurationMemberIgnored).WithLocation(location)
            .WithMessage($"The wrapper of '{method}' ignores '{member}': {reason}");

    [Fact]
    public async Task Reports_an_instance_runtime_member_for_a_static_handler()
    {
        var test = new PayloadGenAnalyzerTest<ConfigurationMemberAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public partial class Functions
                {
                    public ClaimCheckRuntime? ClaimCheckRuntime { get; set; }
                    [ClaimCheck] public static string {|#0:Run|}(string input) => input;
                    [ClaimCheck] public string Echo(string input) => input;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "Run", "Functions.ClaimCheckRuntime", "it is an instance member and 'Run' is static, so the wrapper uses ClaimCheckRuntime.Default; make the member static or the handler an instance method"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_members_of_the_wrong_type_unreadable_or_not_static()
    {
        var test = new PayloadGenAnalyzerTest<ConfigurationMemberAnalyzer>
        {
            TestCode = """
                using System.Text.Json;
                using PayloadGen;
                public class Base
                {
                    private static ClaimCheckRuntime? ClaimCheckRuntime => null;
                }
                public partial class Hidden : Base
                {
                    [ClaimCheck] public static string {|#0:Run|}(string input) => input;
                }
                public partial class WrongType
                {
                    public static object? ClaimCheckRuntime;
                    public JsonSerializerOptions ClaimCheckJsonOptions { get; } = new();
                    [ClaimCheck] public string {|#1:Run|}(string input) => input;
                }
                public partial class NotAMember
                {
                    public static void ClaimCheckRuntime() { }
                    [ClaimCheck] public static string {|#2:Run|}(string input) => input;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "Run", "Base.ClaimCheckRuntime", "the wrapper in 'Hidden' cannot read it, so it uses ClaimCheckRuntime.Default; make it (and its getter) protected or public"));
        test.ExpectedDiagnostics.Add(Expected(1, "Run", "WrongType.ClaimCheckRuntime", "it is a 'object?', not a ClaimCheckRuntime, so the wrapper uses ClaimCheckRuntime.Default; declare it as ClaimCheckRuntime"));
        test.ExpectedDiagnostics.Add(Expected(1, "Run", "WrongType.ClaimCheckJsonOptions", "it is an instance member, and the wrapper reads the JSON options once per type, so it uses options matching Lambda's default serializer; make it static"));
        test.ExpectedDiagnostics.Add(Expected(2, "Run", "NotAMember.ClaimCheckRuntime", "it is not a field or a property with a getter, so the wrapper uses ClaimCheckRuntime.Default; declare it as a field or property of type ClaimCheckRuntime"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Accepts_usable_members_and_ignores_options_when_a_context_is_set()
    {
        await new PayloadGenAnalyzerTest<ConfigurationMemberAnalyzer>
        {
            TestCode = """
                using System.Text.Json;
                using System.Text.Json.Serialization;
                using PayloadGen;
                // The System.Text.Json generator does not run in these tests: the context implements its members itself.
                public class Context : JsonSerializerContext
                {
                    public Context() : base(null) { }
                    protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                    public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
                }
                public class Base
                {
                    protected static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }
                }
                public partial class Functions : Base
                {
                    public static JsonSerializerOptions ClaimCheckJsonOptions { get; } = new();
                    [ClaimCheck] public static string Run(string input) => input;
                    [ClaimCheck] public string Echo(string input) => input;
                }
                public partial class WithContext
                {
                    public JsonSerializerOptions ClaimCheckJsonOptions { get; } = new();
                    [ClaimCheck(JsonContext = typeof(Context))] public string Run(string input) => input;
                }
                """,
        }.RunAsync();
    }
}
