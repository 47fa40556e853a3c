using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

public class HandlerTypeNeedsParameterlessConstructorTests
{
    [Fact]
    public async Task Reports_instance_handler_of_a_class_with_only_a_parameterised_constructor()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckConstructorAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public partial class Functions
                {
                    private readonly string _table;
                    public Functions(string table) => _table = table;
                    [ClaimCheck] public string {|#0:Run|}(string input) => _table + input;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HandlerTypeNeedsParameterlessConstructor).WithLocation(0)
            .WithMessage("Lambda creates 'Functions' to call the instance handler 'Run', but it has no public parameterless constructor; add a public parameterless constructor or make the handler static"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_an_instance_handler_declared_in_an_interface()
    {
        // The wrapper compiles as a default interface method, but Lambda cannot create an interface to call it on.
        var test = new PayloadGenAnalyzerTest<ClaimCheckConstructorAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public partial interface IFunctions
                {
                    [ClaimCheck] string {|#0:Run|}(string input) => input;
                    [ClaimCheck] static string Echo(string input) => input;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HandlerTypeNeedsParameterlessConstructor).WithLocation(0)
            .WithMessage("Lambda creates 'IFunctions' to call the instance handler 'Run', but it is an interface; add a public parameterless constructor or make the handler static"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_primary_constructors_private_constructors_and_abstract_classes()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckConstructorAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public partial class WithPrimary(string table)
                {
                    [ClaimCheck] public string {|PG0003:Run|}(string input) => table + input;
                }
                public partial class WithPrivate
                {
                    private WithPrivate() { }
                    [ClaimCheck] public string {|PG0003:Run|}(string input) => input;
                }
                public abstract partial class Base
                {
                    [ClaimCheck] public string {|#0:Run|}(string input) => input;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HandlerTypeNeedsParameterlessConstructor).WithLocation(0)
            .WithMessage("Lambda creates 'Base' to call the instance handler 'Run', but it is abstract; add a public parameterless constructor or make the handler static"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Is_silent_for_static_handlers_implicit_or_declared_constructors_and_structs()
    {
        await new PayloadGenAnalyzerTest<ClaimCheckConstructorAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public partial class Implicit { [ClaimCheck] public string Run(string input) => input; }
                public partial class Declared
                {
                    public Declared() { }
                    public Declared(string table) { }
                    [ClaimCheck] public string Run(string input) => input;
                }
                public partial class StaticOnly
                {
                    public StaticOnly(string table) { }
                    [ClaimCheck] public static string Run(string input) => input;
                }
                public partial struct Value { public Value(int x) { } [ClaimCheck] public string Run(string input) => input; }
                public partial class NotHandler { public NotHandler(int x) { } public string Run(string input) => input; }
                """,
        }.RunAsync();
    }
}
