using System;
using System.Collections.Concurrent;
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
using Xunit;

namespace PayloadGen.Analyzers.Tests.Loading;

/// <summary>
/// A group hands the driver one symbol action and one syntax-node action for all its rules
/// (<see cref="RuleGroupCompilationStart"/>), and each rule still sees exactly the symbols and nodes of the kinds it
/// registered for, in the order it registered, and reports what it reports alone.
/// </summary>
public sealed class RuleGroupDispatchTests
{
    private const string Source = """
        public class First
        {
            public int Twice(int value) => Add(value, value);
            private static int Add(int left, int right) => left + right;
        }

        public class Second
        {
            public string Name() => nameof(Second).ToLowerInvariant();
        }
        """;

    [Fact]
    public async Task A_group_registers_one_symbol_action_and_one_syntax_node_action_for_all_its_rules()
    {
        var types = new KindCountingRule("PGTEST1", [SymbolKind.NamedType], [SyntaxKind.InvocationExpression]);
        var methods = new KindCountingRule("PGTEST2", [SymbolKind.Method, SymbolKind.NamedType], [SyntaxKind.InvocationExpression, SyntaxKind.IdentifierName]);

        (ImmutableArray<Diagnostic> _, AnalyzerTelemetryInfo telemetry) = await AnalyzeAsync(Compile(), new TestGroup(types, methods));

        Assert.Equal(1, telemetry.SymbolActionsCount);
        Assert.Equal(1, telemetry.SyntaxNodeActionsCount);
    }

    [Fact]
    public async Task Each_rule_sees_exactly_the_symbols_and_nodes_of_its_kinds_and_reports_what_it_reports_alone()
    {
        CSharpCompilation compilation = Compile();
        var typesAlone = new KindCountingRule("PGTEST1", [SymbolKind.NamedType], [SyntaxKind.InvocationExpression]);
        var methodsAlone = new KindCountingRule("PGTEST2", [SymbolKind.Method, SymbolKind.NamedType], [SyntaxKind.InvocationExpression, SyntaxKind.IdentifierName]);
        ImmutableArray<Diagnostic> alone = (await AnalyzeAsync(compilation, new TestGroup(typesAlone))).Diagnostics
            .AddRange((await AnalyzeAsync(compilation, new TestGroup(methodsAlone))).Diagnostics);

        var types = new KindCountingRule("PGTEST1", [SymbolKind.NamedType], [SyntaxKind.InvocationExpression]);
        var methods = new KindCountingRule("PGTEST2", [SymbolKind.Method, SymbolKind.NamedType], [SyntaxKind.InvocationExpression, SyntaxKind.IdentifierName]);
        ImmutableArray<Diagnostic> grouped = (await AnalyzeAsync(compilation, new TestGroup(types, methods))).Diagnostics;

        Assert.Equal(["First", "Second"], types.Seen(SymbolKind.NamedType));
        Assert.Empty(types.Seen(SymbolKind.Method));
        Assert.Equal(["Add(value, value)", "nameof(Second)", "nameof(Second).ToLowerInvariant()"], types.Seen(SyntaxKind.InvocationExpression));
        Assert.Empty(types.Seen(SyntaxKind.IdentifierName));

        Assert.Equal(methodsAlone.Seen(SymbolKind.Method), methods.Seen(SymbolKind.Method));
        Assert.Contains("First.Add", methods.Seen(SymbolKind.Method));
        Assert.Equal(["First", "Second"], methods.Seen(SymbolKind.NamedType));
        Assert.Equal(types.Seen(SyntaxKind.InvocationExpression), methods.Seen(SyntaxKind.InvocationExpression));
        Assert.Equal(methodsAlone.Seen(SyntaxKind.IdentifierName), methods.Seen(SyntaxKind.IdentifierName));
        Assert.NotEmpty(methods.Seen(SyntaxKind.IdentifierName));

        Assert.Equal(Describe(alone), Describe(grouped));
    }

    [Fact]
    public void The_group_asks_the_driver_for_each_kind_once_however_many_rules_register_it()
    {
        var first = new KindCountingRule("PGTEST1", [SymbolKind.NamedType, SymbolKind.NamedType], [SyntaxKind.InvocationExpression]);
        var second = new KindCountingRule("PGTEST2", [SymbolKind.Method, SymbolKind.NamedType], [SyntaxKind.IdentifierName, SyntaxKind.InvocationExpression]);
        RecordingStart dispatched = RecordingStart.Run(new TestGroup(first, second), Compile());

        Assert.Equal([SymbolKind.Method, SymbolKind.NamedType], dispatched.SymbolKinds.Order());
        Assert.Equal([SyntaxKind.IdentifierName, SyntaxKind.InvocationExpression], dispatched.SyntaxKinds.Order());
        Assert.Equal(0, dispatched.OtherRegistrations);
    }

    /// <summary>
    /// The response rule with PG0101 and PG0111 set to none registers none of its actions: the group no longer asks the
    /// driver for method declarations (only the response rule reads them), and the request rule still reports.
    /// </summary>
    [Fact]
    public async Task The_response_rule_set_to_none_leaves_method_declarations_out_of_the_groups_syntax_kinds_and_the_request_rule_still_reports()
    {
        CSharpCompilation compilation = AnalyzerRunner.Compile("Suppressed", [("Functions.cs", """
            using System.IO;
            using Amazon.Lambda.Core;

            public class Upload { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }
            public class Functions
            {
                public byte[] Store(Upload upload, ILambdaContext context) => File.ReadAllBytes(upload.Name);
            }
            """)]);
        CSharpCompilation responseOff = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            [new(PayloadGen.Generators.Diagnostics.Rules.ResponseLikelyExceedsLimit.Id, ReportDiagnostic.Suppress), new(PayloadGen.Generators.Diagnostics.Rules.ResponseMayExceedLimit.Id, ReportDiagnostic.Suppress)]));

        RecordingStart allOn = RecordingStart.Run(new RulesExcludingGeneratedCodeAnalyzer(), compilation);
        RecordingStart withoutResponse = RecordingStart.Run(new RulesExcludingGeneratedCodeAnalyzer(), responseOff);
        ImmutableArray<Diagnostic> reported = (await AnalyzeAsync(responseOff, new RulesExcludingGeneratedCodeAnalyzer())).Diagnostics;

        Assert.Contains(SyntaxKind.MethodDeclaration, allOn.SyntaxKinds);
        Assert.DoesNotContain(SyntaxKind.MethodDeclaration, withoutResponse.SyntaxKinds);
        Assert.Equal(allOn.SyntaxKinds.Where(k => k != SyntaxKind.MethodDeclaration), withoutResponse.SyntaxKinds);
        Assert.Equal([PayloadGen.Generators.Diagnostics.Rules.RequestMayExceedLimit.Id], reported.Select(d => d.Id));
    }

    [Theory]
    [InlineData(GeneratedCodeAnalysisFlags.None, new[] { "First", "Second" })]
    [InlineData(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics, new[] { "First", "Generated", "Second" })]
    public async Task The_dispatch_leaves_generated_code_to_the_groups_setting(GeneratedCodeAnalysisFlags generatedCode, string[] typesSeen)
    {
        CSharpCompilation compilation = AnalyzerRunner.Compile("Dispatch", [("Types.cs", Source), ("Generated.g.cs", "public class Generated { public int One() => 1.GetHashCode(); }")]);
        var rule = new KindCountingRule("PGTEST1", [SymbolKind.NamedType], [SyntaxKind.InvocationExpression], generatedCode);

        ImmutableArray<Diagnostic> reported = (await AnalyzeAsync(compilation, new TestGroup(generatedCode, rule))).Diagnostics;

        Assert.Equal(typesSeen, rule.Seen(SymbolKind.NamedType));
        Assert.Equal(typesSeen.Contains("Generated"), rule.Seen(SyntaxKind.InvocationExpression).Contains("1.GetHashCode()"));
        Assert.Equal(typesSeen.Contains("Generated"), reported.Any(d => d.Location.SourceTree?.FilePath == "Generated.g.cs"));
    }

    private static CSharpCompilation Compile() => AnalyzerRunner.Compile("Dispatch", [("Types.cs", Source)]);

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToArray();

    private static Task<(ImmutableArray<Diagnostic> Diagnostics, AnalyzerTelemetryInfo Telemetry)> AnalyzeAsync(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        AnalyzerRunner.AnalyzeWithTelemetryAsync(compilation, analyzer);

#pragma warning disable RS1001 // Test analyzers, run by these tests only, never loaded by a compiler.
    private sealed class TestGroup(GeneratedCodeAnalysisFlags generatedCode, params DiagnosticAnalyzer[] rules) : RuleGroupAnalyzer(generatedCode, rules)
    {
        public TestGroup(params DiagnosticAnalyzer[] rules)
            : this(GeneratedCodeAnalysisFlags.None, rules)
        {
        }
    }

    /// <summary>Records, per kind, what its symbol and syntax-node actions were shown, and reports each.</summary>
    private sealed class KindCountingRule(string id, SymbolKind[] symbolKinds, SyntaxKind[] syntaxKinds, GeneratedCodeAnalysisFlags generatedCode = GeneratedCodeAnalysisFlags.None) : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly ConcurrentBag<(object Kind, string Text)> _seen = [];

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            [new DiagnosticDescriptor(id, "Test", "Seen {0}", "Usage", DiagnosticSeverity.Warning, isEnabledByDefault: true)];

        public string[] Seen(SymbolKind kind) => Texts(kind);

        public string[] Seen(SyntaxKind kind) => Texts(kind);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(generatedCode);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSymbolAction(
                    symbol =>
                    {
                        string name = symbol.Symbol.ContainingType is { } type ? $"{type.Name}.{symbol.Symbol.Name}" : symbol.Symbol.Name;
                        _seen.Add((symbol.Symbol.Kind, name));
                        symbol.ReportDiagnostic(Diagnostic.Create(SupportedDiagnostics[0], symbol.Symbol.Locations[0], name));
                    },
                    symbolKinds.ToImmutableArray());
                start.RegisterSyntaxNodeAction(
                    node =>
                    {
                        _seen.Add((node.Node.Kind(), node.Node.ToString()));
                        node.ReportDiagnostic(Diagnostic.Create(SupportedDiagnostics[0], node.Node.GetLocation(), node.Node.ToString()));
                    },
                    syntaxKinds.ToImmutableArray());
            });
        }

        private string[] Texts(object kind) => _seen.Where(s => s.Kind.Equals(kind)).Select(s => s.Text).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Runs a group's compilation start on a compilation and records which kinds it asks the driver for.</summary>
    private sealed class RecordingStart : CompilationStartAnalysisContext
    {
        private RecordingStart(Compilation compilation)
            : base(compilation, new AnalyzerOptions([]), CancellationToken.None)
        {
        }

        public List<SymbolKind> SymbolKinds { get; } = [];

        public List<SyntaxKind> SyntaxKinds { get; } = [];

        public int OtherRegistrations { get; private set; }

        public static RecordingStart Run(DiagnosticAnalyzer group, Compilation compilation)
        {
            var initialize = new StartCapturingContext();
            group.Initialize(initialize);
            var start = new RecordingStart(compilation);
            Assert.Single(initialize.Starts)(start);
            return start;
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => SymbolKinds.AddRange(symbolKinds);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            SyntaxKinds.AddRange(Assert.IsType<ImmutableArray<SyntaxKind>>(syntaxKinds));

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => OtherRegistrations++;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => OtherRegistrations++;

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => OtherRegistrations++;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => OtherRegistrations++;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => OtherRegistrations++;

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => OtherRegistrations++;

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => OtherRegistrations++;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => OtherRegistrations++;
    }

    /// <summary>Keeps the compilation-start actions an analyzer registers in <c>Initialize</c>; refuses anything else.</summary>
    private sealed class StartCapturingContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> Starts { get; } = [];

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void EnableConcurrentExecution()
        {
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Starts.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new InvalidOperationException("A group registers only a compilation-start action.");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new InvalidOperationException("A group registers only a compilation-start action.");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new InvalidOperationException("A group registers only a compilation-start action.");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new InvalidOperationException("A group registers only a compilation-start action.");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new InvalidOperationException("A group registers only a compilation-start action.");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new InvalidOperationException("A group registers only a compilation-start action.");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new InvalidOperationException("A group registers only a compilation-start action.");
    }
}
