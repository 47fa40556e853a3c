using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PayloadGen.Generators.SizeModel;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// The generator's work stays proportional to the handlers it reads: the wrappers' pipeline, which runs on every build
/// and again after every keystroke, never resolves the size engine's sixty well-known types (most of them absent, each
/// looked up in every referenced assembly). Only the size-evidence export, where it runs, needs them.
/// </summary>
public sealed class GeneratorCostTests
{
    private const string Handlers = """
        using PayloadGen;

        namespace Demo;

        public sealed class ReportRequest { public string Name { get; set; } = ""; }
        public sealed class Report { public string Title { get; set; } = ""; }

        public partial class ReportFunctions
        {
            [ClaimCheck]
            public Report Build(ReportRequest request) => new() { Title = request.Name };
        }
        """;

    [Fact]
    public void Generating_wrappers_resolves_none_of_the_size_engines_symbols()
    {
        CSharpCompilation compilation = TestCompilation.Create(Handlers);

        GeneratorRun run = GeneratorRun.Start(compilation);

        // The request is a class, so the bare-pointer check read its JSON contract.
        Assert.Contains("allowBarePointer: true", run.Sources["Demo.ReportFunctions.Build.ClaimCheck.g.cs"], System.StringComparison.Ordinal);
        Assert.False(SizeSymbolsResolved(compilation));
    }

    [Fact]
    public void The_export_resolves_them_where_it_runs()
    {
        // The probe's control: the same project told to export does resolve them.
        CSharpCompilation compilation = TestCompilation.Create(Handlers);

        GeneratorRun.Start(compilation, new BuildProperties(("PayloadGenExportSizeEvidence", "true")));

        Assert.True(SizeSymbolsResolved(compilation));
    }

    private static bool SizeSymbolsResolved(Compilation compilation)
    {
        FieldInfo cache = typeof(SizeSymbols).GetField("PerCompilation", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new System.MissingFieldException(nameof(SizeSymbols), "PerCompilation");
        return ((ConditionalWeakTable<Compilation, SizeSymbols>)cache.GetValue(null)!).TryGetValue(compilation, out _);
    }
}
