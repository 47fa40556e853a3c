using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// The syntactic test that spares the response rule from binding every method with a lambda: each function the
/// catalog could take for a handler passes it (checked against the symbols), and query-operator lambdas do not.
/// </summary>
public sealed class FunctionHandlerCandidatesTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;
        using Microsoft.AspNetCore.Builder;

        public static class Program
        {
            public static async Task Main(WebApplication app, List<int> numbers)
            {
                async Task<string> Local(string input, ILambdaContext context) => await Task.FromResult(input);
                int Plain(int x) => x;
                Func<string, ILambdaContext, Task<string>> declared = async (string input, Amazon.Lambda.Core.ILambdaContext context) => input;
                Func<string, ILambdaContext, Task<string>> inferred = async (input, context) => input;
                await LambdaBootstrapBuilder.Create(async (string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                app.MapGet("/", () => "ok");
                var evens = numbers.Where(n => n % 2 == 0).Select((n, i) => n + i).ToList();
                Func<int, int> twice = delegate (int x) { return x * 2; };
                Action run = () => { };
                async Task<string> RequestOnly(string request) => await Task.FromResult(request);
                await LambdaBootstrapBuilder.Create<string, string>(RequestOnly, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                var bound = async (string request) => await Task.FromResult(request);
                await LambdaBootstrapBuilder.Create(bound, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                Func<string, Task<string>> unbound = async (string request) => await Task.FromResult(request);
            }
        }
        """;

    [Fact]
    public void Every_function_the_catalog_takes_for_a_handler_passes_and_query_lambdas_do_not()
    {
        Compilation compilation = AnalyzerRunner.Compile("Candidates", [("/src/Program.cs", Source)]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        KnownSymbols symbols = KnownSymbols.For(compilation);
        var catalog = HandlerCatalog.Create(symbols, new AnalyzerOptions([]), default);
        FunctionHandlerCandidates candidates = FunctionHandlerCandidates.For(catalog)!;
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SemanticModel model = compilation.GetSemanticModel(tree);

        var verdicts = new List<(string Function, bool Candidate, bool TakesContext)>();
        foreach (SyntaxNode node in tree.GetRoot().DescendantNodes().Where(n => FunctionHandlerCandidates.Kinds.Contains((SyntaxKind)n.RawKind)))
        {
            var function = (IMethodSymbol)(node is LocalFunctionStatementSyntax ? model.GetDeclaredSymbol(node)! : model.GetSymbolInfo(node).Symbol!);
            bool takesContext = function.Parameters.Any(p => symbols.IsLambdaContext(p.Type));
            verdicts.Add((node.ToString().Split('\n')[0], candidates.MayBeHandler(node), takesContext || catalog.FindFunction(function) is not null));
        }

        // Never a miss: whatever takes an ILambdaContext, or a bootstrap binds without one, is a candidate.
        Assert.All(verdicts.Where(v => v.TakesContext), v => Assert.True(v.Candidate, v.Function));
        Assert.Equal(6, verdicts.Count(v => v.TakesContext));
        Assert.Contains(verdicts, v => v.Function.Trim().StartsWith("async Task<string> RequestOnly", System.StringComparison.Ordinal) && v.Candidate);
        Assert.Contains(verdicts, v => v.Function.Trim() == "async (string request) => await Task.FromResult(request)" && v.Candidate);

        // And the query operators' lambdas, the local function and delegates without one that nothing binds, are not bound for this rule.
        Assert.Equal(
            ["int Plain(int x) => x;", "n => n % 2 == 0", "(n, i) => n + i", "delegate (int x) { return x * 2; }", "() => { }", "async (string request) => await Task.FromResult(request)"],
            verdicts.Where(v => !v.Candidate).Select(v => v.Function.Trim()));

        // The endpoint lambda passes as one (ASP.NET Core runs on Lambda here), though it takes no context.
        Assert.Contains(verdicts, v => v.Function == "() => \"ok\"" && v.Candidate);
    }
}
