using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Handlers no wrapper can be written for are skipped without output and without a generator exception (CS8785),
/// and never silently: the usage analyzers, which read the generator's own verdict, report an error (or the compiler
/// does, for code that does not compile).
/// </summary>
public sealed class InvalidInputTests
{
    private const string Header = """
        using System;
        using System.Threading.Tasks;
        using PayloadGen;

        namespace Demo;

        public sealed class ReportRequest { public string Name { get; set; } = ""; }
        public sealed class Report { public string Title { get; set; } = ""; }

        """;

    public static TheoryData<string, string> Cases { get; } = new()
    {
        { "containing type not partial", "public class F { [ClaimCheck] public Report M(ReportRequest r) => new(); }" },
        { "enclosing type not partial", "public class Outer { public partial class F { [ClaimCheck] public Report M(ReportRequest r) => new(); } }" },
        { "generic method", "public partial class F { [ClaimCheck] public T M<T>(T r) => r; }" },
        { "generic containing type", "public partial class F<T> { [ClaimCheck] public Report M(ReportRequest r) => new(); }" },
        { "generic enclosing type", "public partial class Outer<T> { public partial class F { [ClaimCheck] public Report M(ReportRequest r) => new(); } }" },
        { "ref parameter", "public partial class F { [ClaimCheck] public Report M(ref ReportRequest r) => new(); }" },
        { "out parameter", "public partial class F { [ClaimCheck] public Report M(out ReportRequest r) { r = new(); return new(); } }" },
        { "in parameter", "public partial class F { [ClaimCheck] public Report M(in ReportRequest r) => new(); }" },
        { "two payload parameters", "public partial class F { [ClaimCheck] public Report M(ReportRequest a, Report b) => new(); }" },
        { "async void", "public partial class F { [ClaimCheck] public async void M(ReportRequest r) => await Task.Yield(); }" },
        { "overloads both marked", "public partial class F { [ClaimCheck] public Report M(ReportRequest r) => new(); [ClaimCheck] public Report M(Report r) => new(); }" },
        { "wrapper name taken", "public partial class F { [ClaimCheck] public Report M(ReportRequest r) => new(); public void MClaimCheck() { } }" },
        { "handler constant name taken", "public partial class F { [ClaimCheck] public Report M(ReportRequest r) => new(); public const int MClaimCheckHandler = 1; }" },
        { "wrapper name inherited", "public class B { protected void MClaimCheck() { } } public partial class F : B { [ClaimCheck] public Report M(ReportRequest r) => new(); }" },
        { "type named like the wrapper", "public partial class MClaimCheck { [ClaimCheck] public Report M(ReportRequest r) => new(); }" },
        { "returns by reference", "public partial class F { private Report _r = new(); [ClaimCheck] public ref Report M(ReportRequest r) => ref _r; }" },
        { "ref struct payload", "public partial class F { [ClaimCheck] public Report M(Span<byte> r) => new(); }" },
        { "unresolved payload type", "public partial class F { [ClaimCheck] public Report M(Missing r) => new(); }" },
        { "method outside any type (broken code)", "[ClaimCheck] public Report M(ReportRequest r) => new();" },
        { "unresolved response type", "public partial class F { [ClaimCheck] public Task<Missing> M(ReportRequest r) => null!; }" },
        { "ref struct containing type", "public ref partial struct F { [ClaimCheck] public static Report M(ReportRequest r) => new(); }" },
        { "file-local containing type", "file partial class F { [ClaimCheck] public Report M(ReportRequest r) => new(); }" },
        { "SQS handler returning Task<T> (the value would be dropped)", "public partial class F { [ClaimCheck(Source = PayloadSource.Sqs)] public Task<Report> M(ReportRequest r) => Task.FromResult(new Report()); }" },
        { "SQS handler returning ValueTask<T>", "public partial class F { [ClaimCheck(Source = PayloadSource.Sqs)] public ValueTask<Report> M(ReportRequest r) => new(new Report()); }" },
        { "SQS handler returning T", "public partial class F { [ClaimCheck(Source = PayloadSource.Sqs)] public Report M(ReportRequest r) => new(); }" },
        { "SNS handler returning T", "public partial class F { [ClaimCheck(Source = PayloadSource.Sns)] public static Report M(ReportRequest r) => new(); }" },
        { "SQS handler without payload", "public partial class F { [ClaimCheck(Source = PayloadSource.Sqs)] public Task M(QueueMessageContext c) => Task.CompletedTask; }" },
        { "SNS handler without any parameter", "public partial class F { [ClaimCheck(Source = PayloadSource.Sns)] public static void M() { } }" },
        { "SQS handler with two payload parameters", "public partial class F { [ClaimCheck(Source = PayloadSource.Sqs)] public Task M(ReportRequest r, Report s) => Task.CompletedTask; }" },
        { "SQS handler async void", "public partial class F { [ClaimCheck(Source = PayloadSource.Sqs)] public async void M(ReportRequest r) => await Task.Yield(); }" },
        { "QueueMessageContext on a direct handler", "public partial class F { [ClaimCheck] public Report M(ReportRequest r, QueueMessageContext c) => new(); }" },
        { "QueueMessageContext on a Step Functions handler", "public partial class F { [ClaimCheck(Source = PayloadSource.StepFunctions)] public void M(QueueMessageContext c) { } }" },
        { "undefined source", "public partial class F { [ClaimCheck(Source = (PayloadSource)42)] public Report M(ReportRequest r) => new(); }" },
        { "JsonContext not a JsonSerializerContext", "public partial class F { [ClaimCheck(JsonContext = typeof(string))] public Report M(ReportRequest r) => new(); }" },
        { "static abstract interface member", "public partial interface IF { [ClaimCheck] static abstract Report M(ReportRequest r); }" },
        { "static virtual interface member", "public partial interface IF { [ClaimCheck] static virtual Report M(ReportRequest r) => new(); }" },
        { "local function", "public partial class F { public void Outer() { [ClaimCheck] Report M(ReportRequest r) => new(); M(new()); } }" },
        { "partial method without implementation", "public partial class F { [ClaimCheck] partial void M(ReportRequest r); }" },
        { "Conditional method", "public partial class F { [ClaimCheck, System.Diagnostics.Conditional(\"DEBUG\")] public void M(ReportRequest r) { } }" },
        { "lambda", "public partial class F { public void Outer() { Func<ReportRequest, Report> m = [ClaimCheck] (ReportRequest r) => new(); } }" },
        { "explicit interface implementation", "public interface IH { Report M(ReportRequest r); } public partial class F : IH { [ClaimCheck] Report IH.M(ReportRequest r) => new(); }" },
        { "operator", "public partial class F { [ClaimCheck] public static Report operator +(F f, ReportRequest r) => new(); }" },
        { "property accessor", "public partial class F { public Report P { [ClaimCheck] get => new(); } }" },
        { "ref readonly return", "public partial class F { private Report _r = new(); [ClaimCheck] public ref readonly Report M(ReportRequest r) => ref _r; }" },
        { "ReadOnlySpan payload", "public partial class F { [ClaimCheck] public Report M(ReadOnlySpan<byte> body) => new(); }" },
        { "ref struct response", "public partial class F { [ClaimCheck] public Span<byte> M(ReportRequest r) => default; }" },
        { "abstract JsonContext", "public abstract class C : System.Text.Json.Serialization.JsonSerializerContext { protected C() : base(null) { } } public partial class F { [ClaimCheck(JsonContext = typeof(C))] public Report M(ReportRequest r) => new(); }" },
        { "handler constant name inherited", "public class B { public const string MClaimCheckHandler = \"x\"; } public partial class F : B { [ClaimCheck] public Report M(ReportRequest r) => new(); }" },
        { "nested type named like the wrapper", "public partial class F { [ClaimCheck] public Report M(ReportRequest r) => new(); public class MClaimCheck { } }" },
        { "Stream payload (System.Text.Json cannot create one)", "public partial class F { [ClaimCheck] public Report M(System.IO.Stream input) => new(); }" },
        { "Stream response", "public partial class F { [ClaimCheck] public System.IO.Stream M(ReportRequest r) => System.IO.Stream.Null; }" },
        { "MemoryStream in a Task response", "public partial class F { [ClaimCheck] public Task<System.IO.MemoryStream> M(ReportRequest r) => Task.FromResult(new System.IO.MemoryStream()); }" },
        { "delegate payload", "public partial class F { [ClaimCheck] public Report M(Func<int> r) => new(); }" },
        { "Type payload", "public partial class F { [ClaimCheck] public Report M(Type r) => new(); }" },
        { "native-sized integer response", "public partial class F { [ClaimCheck] public nint M(ReportRequest r) => 0; }" },
        { "list of streams payload", "public partial class F { [ClaimCheck] public Report M(System.Collections.Generic.List<System.IO.Stream> r) => new(); }" },
        { "sequence of reflection members payload", "public partial class F { [ClaimCheck] public Report M(System.Collections.Generic.IAsyncEnumerable<System.Reflection.MethodInfo> r) => new(); }" },
        { "SQS handler whose only payload is an out parameter", "public partial class F { [ClaimCheck(Source = PayloadSource.Sqs)] public void M(out ReportRequest r) { r = new(); } }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Skips_invalid_handler_and_an_analyzer_or_the_compiler_says_why(string description, string source)
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Header + source));

        Assert.True(run.Sources.IsEmpty, description + ": expected no output, got " + string.Join(", ", run.Sources.Keys));
        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Exception);

        // Never a silent skip: with the generator's output in the compilation, as in a build, something is an error.
        ImmutableArray<Diagnostic> analyzerDiagnostics = await run.Output
            .WithAnalyzers(UsageAnalyzers.All)
            .GetAnalyzerDiagnosticsAsync();
        Assert.True(
            analyzerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("PG", StringComparison.Ordinal))
                || run.Output.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error),
            description + ": skipped without an error");
    }


    [Fact]
    public void Generates_for_the_valid_counterpart_of_the_cases()
    {
        // Guards the table: the same header and a valid handler do produce a wrapper.
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Header + "public partial class F { [ClaimCheck] public Report M(ReportRequest r) => new(); }"));

        Assert.Single(run.Sources);
        Assert.Empty(run.OutputProblems());
    }

    [Theory]
    [InlineData("[ClaimCheck(Source = PayloadSource.Sqs)] public Task M(ReportRequest r) => Task.CompletedTask;")]
    [InlineData("[ClaimCheck(Source = PayloadSource.Sqs)] public ValueTask M(QueueMessageContext c, ReportRequest r) => default;")]
    [InlineData("[ClaimCheck(Source = PayloadSource.Sns)] public static void M(ReportRequest r) { }")]
    public void Generates_for_the_valid_queue_counterparts_of_the_cases(string member)
    {
        // Guards the queue rows of the table: the same header and a valid queue handler do produce a wrapper.
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Header + "public partial class F { " + member + " }"));

        Assert.Single(run.Sources);
        Assert.Empty(run.OutputProblems());
    }

    [Fact]
    public void Skips_only_the_derived_handler_whose_wrapper_would_hide_the_base_types()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Header + """
            public partial class Base { [ClaimCheck] public virtual Report M(ReportRequest r) => new(); }
            public partial class Derived : Base { [ClaimCheck] public override Report M(ReportRequest r) => new(); }
            """));

        Assert.Equal(["Demo.Base.M.ClaimCheck.g.cs"], run.Sources.Keys);
        Assert.Empty(run.OutputProblems());
    }

    [Fact]
    public void Generates_each_of_two_handlers_whose_names_differ_only_in_case()
    {
        // Hint names are compared without case, like the file names they become.
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Header + """
            public partial class F { [ClaimCheck] public Report Build(ReportRequest r) => new(); [ClaimCheck] public Report build(ReportRequest r) => new(); }
            #pragma warning disable CS8981
            public partial class f { [ClaimCheck] public Report Build(ReportRequest r) => new(); }
            public partial class G { [ClaimCheck] public Report Build(ReportRequest r) => new(); }
            """));

        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Exception);
        Assert.Equal(4, run.Sources.Count);
        Assert.Equal(4, run.Sources.Keys.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        // Only names with a twin get the suffix.
        Assert.Contains("Demo.G.Build.ClaimCheck.g.cs", run.Sources.Keys);
        Assert.Empty(run.OutputProblems());
    }

    [Fact]
    public void Generates_each_of_two_handlers_whose_namespaces_or_enclosing_types_differ_only_in_case()
    {
        // The case twins are found once per namespace or type and reused for every handler in it: each of these must
        // still get a unique file, and the handlers with no twin on their way keep the plain name.
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(
            """
            using PayloadGen;

            namespace Shop.Orders { public partial class F { [ClaimCheck] public string M(string r) => r; [ClaimCheck] public string N(string r) => r; } }
            #pragma warning disable CS8981
            namespace Shop.orders { public partial class F { [ClaimCheck] public string M(string r) => r; } }
            namespace Shop.Billing
            {
                public partial class Outer { public partial class Inner { [ClaimCheck] public string M(string r) => r; } }
                public partial class outer { public partial class Inner { [ClaimCheck] public string M(string r) => r; } }
                public partial class Plain { [ClaimCheck] public string M(string r) => r; }
            }
            """));

        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Exception);
        Assert.Equal(6, run.Sources.Count);
        Assert.Equal(6, run.Sources.Keys.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(
            run.Sources.Keys.Where(name => !name.StartsWith("Shop.Billing.Plain.", System.StringComparison.Ordinal)),
            name => Assert.Matches(@"\.[0-9a-f]{8}\.ClaimCheck\.g\.cs$", name));
        Assert.Contains("Shop.Billing.Plain.M.ClaimCheck.g.cs", run.Sources.Keys);
        Assert.Empty(run.OutputProblems());
    }

    [Theory]
    [InlineData("[ClaimCheck] public partial Report M(ReportRequest r); public partial Report M(ReportRequest r) => new();")]
    [InlineData("public partial Report M(ReportRequest r); [ClaimCheck] public partial Report M(ReportRequest r) => new();")]
    public void Generates_for_a_partial_method_whichever_part_is_marked(string members)
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Header + "public partial class F { " + members + " }"));

        Assert.Equal(["Demo.F.M.ClaimCheck.g.cs"], run.Sources.Keys);
        Assert.Empty(run.OutputProblems());
    }

    [Fact]
    public void Generates_nothing_without_the_PayloadGen_runtime_library()
    {
        // Someone copied the attribute into a project that does not reference the runtime: a wrapper could not compile.
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(
            """
            namespace PayloadGen
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class ClaimCheckAttribute : System.Attribute { }
            }

            namespace Demo
            {
                public partial class F { [PayloadGen.ClaimCheck] public string M(string r) => r; }
            }
            """,
            runtime: false));

        Assert.True(run.Sources.IsEmpty);
        Assert.Empty(run.DriverDiagnostics);
    }
}
