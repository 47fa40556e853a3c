using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.CodeFixes;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

public class ContainingTypeMustBePartialTests
{
    [Fact]
    public async Task Reports_non_partial_type_at_its_name_with_the_handler()
    {
        var test = new PayloadGenAnalyzerTest<ClaimCheckContainingTypeAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public class {|#0:Functions|}
                {
                    [ClaimCheck]
                    public string Run(string input) => input;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ContainingTypeMustBePartial).WithLocation(0)
            .WithMessage("Make 'Functions' partial so the generator can add the claim-check wrapper of 'Functions.Run'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_every_enclosing_type_that_is_not_partial()
    {
        await new PayloadGenAnalyzerTest<ClaimCheckContainingTypeAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public class {|PG0001:Outer|}
                {
                    public partial class Middle
                    {
                        public static class {|PG0001:Inner|}
                        {
                            [ClaimCheck]
                            public static string Run(string input) => input;
                        }
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Reports_records_and_structs()
    {
        await new PayloadGenAnalyzerTest<ClaimCheckContainingTypeAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public record {|PG0001:R|}
                {
                    [ClaimCheck] public string Run(string input) => input;
                }
                public struct {|PG0001:S|}
                {
                    [ClaimCheck] public string Run(string input) => input;
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Is_silent_for_partial_types_and_methods_without_ClaimCheck()
    {
        await new PayloadGenAnalyzerTest<ClaimCheckContainingTypeAnalyzer>
        {
            TestCode = """
                using PayloadGen;
                public partial class Outer
                {
                    public partial class Functions
                    {
                        [ClaimCheck] public string Run(string input) => input;
                    }
                }
                public class Plain
                {
                    public string Run(string input) => input;
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Is_silent_without_the_PayloadGen_reference()
    {
        await new PayloadGenAnalyzerTest<ClaimCheckContainingTypeAnalyzer>(referencePayloadGen: false)
        {
            TestCode = """
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public class ClaimCheckAttribute : System.Attribute { }
                public class Functions
                {
                    [ClaimCheck] public string Run(string input) => input;
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Code_fix_makes_the_type_partial_keeping_modifiers_and_comments()
    {
        await new PayloadGenCodeFixTest<ClaimCheckContainingTypeAnalyzer, MakePartialCodeFixProvider>
        {
            TestCode = """
                using PayloadGen;
                /// <summary>Docs stay.</summary>
                public sealed class {|PG0001:Functions|}
                {
                    [ClaimCheck] public string Run(string input) => input;
                }
                """,
            FixedCode = """
                using PayloadGen;
                /// <summary>Docs stay.</summary>
                public sealed partial class Functions
                {
                    [ClaimCheck] public string Run(string input) => input;
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Code_fix_handles_a_type_without_modifiers()
    {
        await new PayloadGenCodeFixTest<ClaimCheckContainingTypeAnalyzer, MakePartialCodeFixProvider>
        {
            TestCode = """
                using PayloadGen;
                namespace App
                {
                    // A comment before the type.
                    class {|PG0001:Functions|}
                    {
                        [ClaimCheck] public string Run(string input) => input;
                    }
                }
                """,
            FixedCode = """
                using PayloadGen;
                namespace App
                {
                    // A comment before the type.
                    partial class Functions
                    {
                        [ClaimCheck] public string Run(string input) => input;
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_all_makes_every_reported_type_partial_in_one_pass()
    {
        await new PayloadGenCodeFixTest<ClaimCheckContainingTypeAnalyzer, MakePartialCodeFixProvider>
        {
            TestState =
            {
                Sources =
                {
                    """
                    using PayloadGen;
                    public class {|PG0001:Outer|}
                    {
                        public class {|PG0001:Inner|}
                        {
                            [ClaimCheck] public string Run(string input) => input;
                        }
                    }
                    """,
                    """
                    using PayloadGen;
                    internal class {|PG0001:Other|}
                    {
                        [ClaimCheck] public static string Run(string input) => input;
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using PayloadGen;
                    public partial class Outer
                    {
                        public partial class Inner
                        {
                            [ClaimCheck] public string Run(string input) => input;
                        }
                    }
                    """,
                    """
                    using PayloadGen;
                    internal partial class Other
                    {
                        [ClaimCheck] public static string Run(string input) => input;
                    }
                    """,
                },
            },
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
        }.RunAsync();
    }
}
