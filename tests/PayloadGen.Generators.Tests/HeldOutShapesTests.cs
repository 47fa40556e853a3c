using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Scores the generator on handlers it was not written against (HeldOut/): for every <c>[ClaimCheck]</c> member, a
/// wrapper exactly when the verdict written above it says so, exactly the usage diagnostics it names on the member,
/// and a compilation with no error and no warning (generated code held to TreatWarningsAsErrors, nullable on) in
/// which the generator threw nothing. The table of verdicts goes to the test output.
/// </summary>
[Collection(HeavyCompilations.Name)]
public sealed class HeldOutShapesTests(ITestOutputHelper output)
{

    [Fact]
    public Task Library_handlers_are_wrapped_or_refused_as_written_down()
        => ScoreAsync("Library", OutputKind.DynamicallyLinkedLibrary, HttpEventsContract.Source);

    [Fact]
    public Task Second_round_handlers_are_wrapped_or_refused_as_written_down()
        => ScoreAsync("Second", OutputKind.DynamicallyLinkedLibrary, HttpEventsContract.Source);

    [Fact]
    public Task Executable_handlers_are_wrapped_or_refused_as_written_down()
        => ScoreAsync("Executable", OutputKind.ConsoleApplication);

    private async Task ScoreAsync(string folder, OutputKind kind, params string[] contracts)
    {
        ImmutableArray<(string Name, string Text)> files = HeldOutHandlers.Read(folder);
        CSharpCompilation compilation = TestCompilation.Create(files.Select(file => file.Text).Concat(contracts), outputKind: kind);
        GeneratorRun run = GeneratorRun.Start(compilation, alongside: SystemTextJsonGenerator.Instance);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.DriverDiagnostics);

        ImmutableArray<HeldOutHandlers.Expectation> expectations = HeldOutHandlers.Expectations(compilation, files.Select(file => file.Name).ToArray());
        ImmutableArray<Diagnostic> analyzerDiagnostics = await run.Output.WithAnalyzers(UsageAnalyzers.All).GetAnalyzerDiagnosticsAsync();
        ImmutableArray<Diagnostic> problems = run.OutputProblems();
        ImmutableHashSet<SyntaxTree> generated = run.Result.GeneratedSources.Select(source => source.SyntaxTree).ToImmutableHashSet();

        var misses = new List<string>();
        foreach (HeldOutHandlers.Expectation expected in expectations)
        {
            ISymbol? wrapper = WrapperOf(run.Output, expected, generated);
            ImmutableArray<Location> sites = SitesOf(expected);
            ImmutableArray<string> reported = analyzerDiagnostics
                .Where(d => d.Id.StartsWith("PG00", StringComparison.Ordinal) && sites.Any(site => site.SourceTree == d.Location.SourceTree && site.SourceSpan.Contains(d.Location.SourceSpan)))
                .Select(d => d.Id)
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToImmutableArray();
            Diagnostic[] wrapperProblems = wrapper is null
                ? []
                : problems.Where(problem => wrapper.Locations.Any(location => location.SourceTree == problem.Location.SourceTree)).ToArray();

            string actual = string.Join(" ", (wrapper is null ? Array.Empty<string>() : ["wrap"]).Concat(reported))
                + (wrapperProblems.Length == 0 ? string.Empty : " + " + string.Join(", ", wrapperProblems.Select(p => p.Id).Distinct()) + " in the wrapper");
            bool behaved = (wrapper is not null) == expected.Wrap && reported.SequenceEqual(expected.Diagnostics) && wrapperProblems.Length == 0;
            output.WriteLine((behaved ? "ok   " : "MISS ") + expected.File + " " + expected.Name + ": expected " + expected.Verdict + ", got " + (actual.Length == 0 ? "nothing" : actual));
            if (!behaved)
            {
                misses.Add(expected.Name + " (expected " + expected.Verdict + ", got " + actual + "; " + expected.Why + ")");
            }
        }

        output.WriteLine(folder + ": " + (expectations.Length - misses.Count) + "/" + expectations.Length + " behaved as written down");
        foreach (Diagnostic problem in problems)
        {
            output.WriteLine("problem: " + problem);
        }

        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
        Assert.Empty(problems);
    }

    /// <summary>
    /// Where a usage diagnostic about the member can be: the member itself, or the name of a type around it (PG0001 is
    /// reported on the type that must be made partial).
    /// </summary>
    private static ImmutableArray<Location> SitesOf(HeldOutHandlers.Expectation expected)
    {
        var sites = new List<Location> { Location.Create(expected.Tree, expected.Span) };
        for (INamedTypeSymbol? type = expected.Method.ContainingType; type is not null; type = type.ContainingType)
        {
            sites.AddRange(type.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax())
                .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
                .Select(declaration => declaration.Identifier.GetLocation()));
        }

        return sites.ToImmutableArray();
    }

    /// <summary>The generated wrapper of the expectation's method in the output compilation, or <see langword="null"/>.</summary>
    private static ISymbol? WrapperOf(Compilation output, HeldOutHandlers.Expectation expected, ImmutableHashSet<SyntaxTree> generated)
    {
        if (expected.Method.MethodKind != MethodKind.Ordinary)
        {
            return null;
        }

        SyntaxNode node = expected.Tree.GetRoot().FindNode(expected.Span);
        var method = (IMethodSymbol?)output.GetSemanticModel(expected.Tree).GetDeclaredSymbol(node);
        return method?.ContainingType.GetMembers(method.Name + "ClaimCheck")
            .FirstOrDefault(member => member.Locations.Any(location => location.SourceTree is { } tree && generated.Contains(tree)));
    }
}
