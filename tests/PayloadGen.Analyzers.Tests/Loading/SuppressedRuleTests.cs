using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Loading;

/// <summary>
/// A rule whose every diagnostic is configured <c>none</c> does not run inside its group, as the driver skipped it when
/// each rule was its own analyzer, while the group's other rules go on reporting.
/// </summary>
public sealed class SuppressedRuleTests
{
    private const string Types = """
        public class First { }
        public class Second { }
        """;

    [Fact]
    public async Task A_rule_set_to_none_by_the_compilation_options_is_not_run_and_the_others_still_report()
    {
        var silenced = new TypeCountingRule("PGTEST1");
        var other = new TypeCountingRule("PGTEST2");
        CSharpCompilation compilation = Compile(("Types.cs", Types))
            .WithOptions(Options.WithSpecificDiagnosticOptions([new("PGTEST1", ReportDiagnostic.Suppress)]));

        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(compilation, new TestGroup(silenced, other));

        Assert.Equal(0, silenced.TypesSeen);
        Assert.Equal(2, other.TypesSeen);
        Assert.Equal(["PGTEST2", "PGTEST2"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task A_rule_set_to_none_by_a_global_config_is_not_run()
    {
        var silenced = new TypeCountingRule("PGTEST1");
        var other = new TypeCountingRule("PGTEST2");
        CSharpCompilation compilation = Compile(("Types.cs", Types))
            .WithOptions(Options.WithSyntaxTreeOptionsProvider(new ConfiguredSeverities(global: new() { ["PGTEST1"] = ReportDiagnostic.Suppress })));

        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(compilation, new TestGroup(silenced, other));

        Assert.Equal(0, silenced.TypesSeen);
        Assert.Equal(["PGTEST2", "PGTEST2"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task A_rule_off_in_the_global_config_but_on_in_one_file_runs_and_reports_only_there()
    {
        var rule = new TypeCountingRule("PGTEST1");
        CSharpCompilation compilation = Compile(("Off.cs", "public class Off { }"), ("On.cs", "public class On { }"));
        SyntaxTree on = compilation.SyntaxTrees.Single(t => t.FilePath == "On.cs");
        compilation = compilation.WithOptions(Options.WithSyntaxTreeOptionsProvider(new ConfiguredSeverities(
            global: new() { ["PGTEST1"] = ReportDiagnostic.Suppress },
            perTree: new() { [on] = ReportDiagnostic.Warn })));

        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(compilation, new TestGroup(rule));

        // Whether it is shown the type in Off.cs is the driver's business (it skips a tree in which all of an analyzer's
        // diagnostics are off): the rule runs, and reports where it is on.
        Assert.NotEqual(0, rule.TypesSeen);
        Diagnostic reported = Assert.Single(diagnostics);
        Assert.Equal("On.cs", reported.Location.SourceTree?.FilePath);
    }

    [Fact]
    public async Task A_rule_with_only_some_of_its_diagnostics_set_to_none_still_runs()
    {
        var rule = new TypeCountingRule("PGTEST1", "PGTEST9");
        CSharpCompilation compilation = Compile(("Types.cs", Types))
            .WithOptions(Options.WithSpecificDiagnosticOptions([new("PGTEST1", ReportDiagnostic.Suppress)]));

        await AnalyzeAsync(compilation, new TestGroup(rule));

        Assert.Equal(2, rule.TypesSeen);
    }

    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private static CSharpCompilation Compile(params (string Path, string Text)[] sources) =>
        AnalyzerRunner.Compile("Suppressed", sources).WithOptions(Options);

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        (await AnalyzerRunner.AnalyzeWithTelemetryAsync(compilation, analyzer)).Diagnostics;

#pragma warning disable RS1001 // Test analyzers, run by these tests only, never loaded by a compiler.
    private sealed class TestGroup(params DiagnosticAnalyzer[] rules) : RuleGroupAnalyzer(GeneratedCodeAnalysisFlags.None, rules);

    /// <summary>A rule that reports every named type of the compilation and counts the types it was shown.</summary>
    private sealed class TypeCountingRule(params string[] ids) : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private int _typesSeen;

        public int TypesSeen => _typesSeen;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ids.Select(id => new DiagnosticDescriptor(id, "Test", "Type {0}", "Usage", DiagnosticSeverity.Warning, isEnabledByDefault: true)).ToImmutableArray();

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterSymbolAction(
                symbol =>
                {
                    Interlocked.Increment(ref _typesSeen);
                    symbol.ReportDiagnostic(Diagnostic.Create(SupportedDiagnostics[0], symbol.Symbol.Locations[0], symbol.Symbol.Name));
                },
                SymbolKind.NamedType));
        }
    }

    /// <summary>Severities as a global config (<c>is_global = true</c>) and per-file <c>.editorconfig</c> sections set them.</summary>
    private sealed class ConfiguredSeverities(Dictionary<string, ReportDiagnostic>? global = null, Dictionary<SyntaxTree, ReportDiagnostic>? perTree = null) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return diagnosticId == "PGTEST1" && perTree is not null && perTree.TryGetValue(tree, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return global is not null && global.TryGetValue(diagnosticId, out severity);
        }
    }
}
