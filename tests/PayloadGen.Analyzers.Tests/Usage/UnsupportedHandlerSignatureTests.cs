using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

public class UnsupportedHandlerSignatureTests
{
    private static DiagnosticResult Expected(int location, string method, string reason) =>
        new DiagnosticResult(Rules.UnsupportedHandlerSignature).WithLocation(location)
            .WithMessage($"[ClaimCheck] cannot wrap '{method}': {reason}");

    [Fact]
    public async Task Reports_a_second_payload_parameter_naming_both()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>
        {
            TestCode = """
                using System.Threading;
                using Amazon.Lambda.Core;
                using PayloadGen;
                public partial class Functions
                {
                    [ClaimCheck]
                    public string Run(string order, ILambdaContext context, int {|#0:priority|}, CancellationToken ct) => order;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "Run", "it takes more than one payload parameter ('order' and 'priority') and Lambda passes one payload; take a single request type that holds both"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_ref_out_and_in_parameters_at_the_parameter()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public partial class Functions
                {
                    [ClaimCheck] public void A(ref string {|#0:input|}) { }
                    [ClaimCheck] public void B(out string {|#1:output|}) => output = "";
                    [ClaimCheck] public void C(in int {|#2:value|}) { }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "A", "parameter 'input' is passed by ref and Lambda passes the payload by value; remove the modifier"));
        test.ExpectedDiagnostics.Add(Expected(1, "B", "parameter 'output' is passed by out and Lambda passes the payload by value; remove the modifier"));
        test.ExpectedDiagnostics.Add(Expected(2, "C", "parameter 'value' is passed by in and Lambda passes the payload by value; remove the modifier"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_async_void_generic_methods_and_generic_containing_types()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>
        {
            TestCode = """
                using System.Threading.Tasks;
                using PayloadGen;
                public partial class Functions
                {
                    [ClaimCheck] public async void {|#0:Fire|}(string input) => await Task.Yield();
                    [ClaimCheck] public T {|#1:Echo|}<T>(T input) => input;
                }
                public partial class Box<T>
                {
                    public partial class Inner
                    {
                        [ClaimCheck] public string {|#2:Run|}(string input) => input;
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "Fire", "it is async void, so Lambda cannot await it; return Task instead"));
        test.ExpectedDiagnostics.Add(Expected(1, "Echo", "it is generic and Lambda cannot supply type arguments; use concrete types"));
        test.ExpectedDiagnostics.Add(Expected(2, "Run", "its containing type 'Box<T>' is generic and Lambda cannot supply type arguments; move the handler to a non-generic type"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_members_Lambda_cannot_name_at_their_name()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>
        {
            TestCode = """
                using System;
                using PayloadGen;
                public interface IHandler { string Run(string input); }
                public partial class Functions : IHandler
                {
                    [ClaimCheck] string IHandler.{|#0:Run|}(string input) => input;
                    [ClaimCheck] public static Functions operator {|#1:+|}(Functions a, string b) => a;
                    public string Name { [ClaimCheck] {|#2:get|} => ""; }
                    public void Outer()
                    {
                        [ClaimCheck] string {|#3:Local|}(string input) => input;
                        Func<string, string> lambda = {|#4:[ClaimCheck] (string input) => input|};
                        Local(lambda(""));
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "IHandler.Run", "it is an explicit interface implementation, which Lambda cannot name as a handler; put [ClaimCheck] on an ordinary method of a partial class"));
        test.ExpectedDiagnostics.Add(Expected(1, "Functions.operator +(Functions, string)", "it is an operator, which Lambda cannot name as a handler; put [ClaimCheck] on an ordinary method of a partial class"));
        test.ExpectedDiagnostics.Add(Expected(2, "Functions.Name.get", "it is an accessor, which Lambda cannot name as a handler; put [ClaimCheck] on an ordinary method of a partial class"));
        test.ExpectedDiagnostics.Add(Expected(3, "Local", "it is a local function, which Lambda cannot name as a handler; put [ClaimCheck] on an ordinary method of a partial class"));
        test.ExpectedDiagnostics.Add(Expected(4, "lambda", "it is a lambda, which Lambda cannot name as a handler; put [ClaimCheck] on an ordinary method of a partial class"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_an_out_parameter_for_its_modifier_only()
    {
        // The out parameter is not the payload, so it is not also "a second payload parameter".
        var test = new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public record Order(string Id);
                public partial class Functions
                {
                    [ClaimCheck] public Order Run(out string {|#0:error|}, Order order) { error = ""; return order; }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "Run", "parameter 'error' is passed by out and Lambda passes the payload by value; remove the modifier"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_a_Conditional_method_whose_calls_the_compiler_removes()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>
        {
            TestCode = """
                using System.Diagnostics;
                using PayloadGen;
                public partial class Functions
                {
                    [ClaimCheck, Conditional("DEBUG")] public void {|#0:Import|}(string order) { }
                    [ClaimCheck] public partial void Export(string order);
                    public partial void Export(string order) { }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "Import", "it is [Conditional], so the compiler removes calls to it and the wrapper would call nothing; remove [Conditional]"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_in_files_that_look_generated_since_the_generator_reads_them_too()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>();
        test.TestState.Sources.Add(("/src/Functions.g.cs", """
            // <auto-generated/>
            using System.Threading.Tasks;
            using PayloadGen;
            public partial class Functions
            {
                [ClaimCheck] public async void {|#0:Fire|}(string input) => await Task.Yield();
            }
            """));
        test.ExpectedDiagnostics.Add(Expected(0, "Fire", "it is async void, so Lambda cannot await it; return Task instead"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_a_member_of_an_extension_block()
    {
        // C# 14 extension blocks compile to a type no partial declaration can reopen and no handler string can name.
        var test = new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>
        {
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview,
            TestCode = """
                using PayloadGen;
                public static partial class Extensions
                {
                    extension(string text)
                    {
                        [ClaimCheck] public string {|#0:Run|}(string input) => text + input;
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "Run", "it is a member of an extension block, which Lambda cannot name as a handler; put [ClaimCheck] on an ordinary method of a partial class"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Accepts_every_supported_shape()
    {
        await new PayloadGenAnalyzerTest<ClaimCheckSignatureAnalyzer>
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using PayloadGen;
                public record Order(string Id);
                public partial class Functions
                {
                    [ClaimCheck] public Order A(Order order) => order;
                    [ClaimCheck] public Task<Order> B(Order order, ILambdaContext context) => Task.FromResult(order);
                    [ClaimCheck] public ValueTask<Order> C(Order order, CancellationToken ct) => new(order);
                    [ClaimCheck(Source = PayloadSource.Sqs)] public Task D(Order order, ILambdaContext context, CancellationToken ct) => Task.CompletedTask;
                    [ClaimCheck] public static void E() { }
                    [ClaimCheck] public async Task F(Order order) => await Task.Yield();
                    public void NotAHandler(ref int a, ref int b) { }
                }
                """,
        }.RunAsync();
    }
}
