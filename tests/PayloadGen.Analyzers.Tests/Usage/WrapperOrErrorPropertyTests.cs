using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PayloadGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

/// <summary>
/// "Every [ClaimCheck] ends in a wrapper or a diagnostic", checked on handlers assembled at random from the parts
/// users combine (sources, containing types, modifiers, parameters, returns): after the generator runs, as in a
/// build, each handler has either its wrapper, with no usage error, or an error inside its type — never neither, and
/// generated code never fails to compile.
/// </summary>
public sealed class WrapperOrErrorPropertyTests
{
    private const int HandlersPerCompilation = 60;

    // Each list repeats its common, valid choices, so that a fair share of the handlers is valid.
    private static readonly string[] Sources = ["", "", "", "Source = PayloadSource.Sqs", "Source = PayloadSource.Sns", "Source = PayloadSource.StepFunctions", "Source = (PayloadSource)42", "JsonContext = typeof(Report)"];

    private static readonly string[] Containers = ["public partial class", "public partial class", "public partial class", "public partial struct", "public partial record", "public static partial class", "public class", "file partial class", "public ref partial struct", "public partial class {0}<T>"];

    private static readonly string[] Returns = ["Report", "Report?", "Task<Report>", "ValueTask<Report>", "Task", "Task", "ValueTask", "void", "void", "int", "ref Report", "Span<byte>"];

    // Common parameters are drawn often, the rest rarely, so that a fair share of handlers is valid.
    private static readonly string[] CommonParameters = ["ReportRequest request", "ILambdaContext context", "CancellationToken ct", "QueueMessageContext message"];

    private static readonly string[] RareParameters = ["out int count", "ReadOnlySpan<byte> body", "Report second", "ref ReportRequest byRef", "string text", "int* pointer"];

    private static readonly string[] Extras = ["", "", "", "", "", "", "public const string MClaimCheckHandler = \"x\";", "public void MClaimCheck() { }", "[ClaimCheck] public Report M(int other) { throw null!; }", "public ClaimCheckRuntime? ClaimCheckRuntime { get; set; }"];

    public static TheoryData<int> Seeds => new(Enumerable.Range(0, 6).Select(i => 20261206 + i));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_random_handler_ends_in_a_wrapper_or_an_error_in_its_type(int seed)
    {
        var random = new Random(seed);
        var source = new StringBuilder("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using PayloadGen;

            namespace Demo;

            public sealed class ReportRequest { public string Name { get; set; } = ""; }
            public sealed class Report { public string Title { get; set; } = ""; }

            """);
        var types = new List<(string Name, TextSpan Span)>();
        for (int i = 0; i < HandlersPerCompilation; i++)
        {
            string name = "F" + i;
            int start = source.Length;
            source.AppendLine(Handler(random, name));
            types.Add((name, TextSpan.FromBounds(start, source.Length)));
        }

        Compilation compilation = AnalyzerRunner.Compile("Random", [("/src/Functions.cs", source.ToString())]);
        AnalyzerRunner.Result result = await AnalyzerRunner.RunAsync(compilation, []);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.GeneratorFailures);
        SyntaxTree userTree = compilation.SyntaxTrees.Single();
        ImmutableArray<SyntaxTree> generated = result.Compilation.SyntaxTrees.Where(tree => tree != userTree).ToImmutableArray();
        ImmutableArray<Diagnostic> compilerErrors = result.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.DoesNotContain(compilerErrors, d => d.Location.SourceTree is { } tree && generated.Contains(tree));

        List<Diagnostic> errors = compilerErrors.Concat(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)).ToList();
        int wrapped = 0;
        var log = new List<string>();
        foreach ((string name, TextSpan span) in types)
        {
            bool hasWrapper = generated.Any(tree => tree.FilePath.Contains("Demo." + name + ".M.ClaimCheck.g.cs", StringComparison.Ordinal)
                || tree.FilePath.Contains("Demo." + name + "`1.M.ClaimCheck.g.cs", StringComparison.Ordinal));
            List<Diagnostic> here = errors.Where(d => d.Location.SourceTree == userTree && span.Contains(d.Location.SourceSpan)).ToList();
            string declaration = source.ToString(span.Start, span.Length).Trim();
            log.Add(declaration + " => " + string.Join(" | ", here.Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
            if (hasWrapper)
            {
                wrapped++;
                Assert.True(here.Count == 0, $"{declaration}\nhas a wrapper and errors: {string.Join("; ", here)}");
            }
            else
            {
                Assert.True(here.Count > 0, $"{declaration}\nhas neither a wrapper nor an error");
            }
        }

        // The generator is not refusing everything: a fair share of random handlers is valid.
        Assert.True(wrapped is > 0 and < HandlersPerCompilation, string.Join("\n", log));
    }

    private static string Handler(Random random, string name)
    {
        string container = Pick(random, Containers);
        string header = container.Contains("{0}", StringComparison.Ordinal) ? string.Format(System.Globalization.CultureInfo.InvariantCulture, container, name) : container + " " + name;
        bool isStatic = container.Contains("static", StringComparison.Ordinal) || container.Contains("ref", StringComparison.Ordinal) || random.Next(3) == 0;
        string returns = Pick(random, Returns);
        bool isAsync = returns is "void" or "Task" or "Task<Report>" && random.Next(4) == 0;
        List<string> parameters = CommonParameters.Where(_ => random.Next(2) == 0)
            .Concat(RareParameters.Where(_ => random.Next(8) == 0))
            .OrderBy(_ => random.Next())
            .ToList();
        string argument = Pick(random, Sources);
        string attribute = argument.Length == 0 ? "[ClaimCheck]" : "[ClaimCheck(" + argument + ")]";
        string modifiers = "public " + (isStatic ? "static " : string.Empty) + (isAsync ? "async " : string.Empty)
            + (parameters.Any(p => p.Contains('*', StringComparison.Ordinal)) ? "unsafe " : string.Empty);
        string extra = isStatic && container.Contains("static", StringComparison.Ordinal) ? string.Empty : Pick(random, Extras);
        // A throwing block body is valid for every return and every out parameter.
        return $"{header} {{ {attribute} {modifiers}{returns} M({string.Join(", ", parameters)}) {{ throw null!; }} {extra} }}";
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
