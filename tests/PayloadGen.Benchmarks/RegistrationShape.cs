using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Benchmarks;

/// <summary>
/// What an analyzer asks Roslyn's driver to do on one compilation, without what its actions do: its generated-code
/// setting and every action it registers (directly, or from its compilation-start actions run on that compilation),
/// with the kinds each one is registered for. <see cref="Hollow"/> gives an analyzer with exactly these registrations
/// whose every action returns at once, so that a build with it costs the driver's work for the registration shape and
/// nothing else: no compilation-start work (well-known symbols, the handler catalog), no callback, no binding.
/// </summary>
internal sealed class RegistrationShape
{
    private readonly List<Action<CompilationStartAnalysisContext>> _replays = [];
    private readonly List<string> _registrations = [];
    private readonly List<ImmutableArray<SymbolKind>> _symbolActions = [];
    private readonly List<ImmutableArray<SyntaxKind>> _syntaxNodeActions = [];

    private RegistrationShape(string name) => Name = name;

    public string Name { get; }

    /// <summary>What the analyzer passed to <see cref="AnalysisContext.ConfigureGeneratedCodeAnalysis"/> (the driver's default when it did not).</summary>
    public GeneratedCodeAnalysisFlags GeneratedCode { get; private set; } = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    /// <summary>Whether it called <see cref="AnalysisContext.ConfigureGeneratedCodeAnalysis"/> at all.</summary>
    public bool ConfiguredGeneratedCode { get; private set; }

    /// <summary>One line per registered action, for the report.</summary>
    public IReadOnlyList<string> Registrations => _registrations;

    /// <summary>Runs <paramref name="analyzer"/>'s <see cref="DiagnosticAnalyzer.Initialize"/> and its compilation-start actions on <paramref name="compilation"/>, recording what they register.</summary>
    public static RegistrationShape Of(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
    {
        var shape = new RegistrationShape(analyzer.GetType().Name);
        var initialize = new RecordingAnalysisContext(shape);
        analyzer.Initialize(initialize);
        foreach (Action<CompilationStartAnalysisContext> start in initialize.CompilationStartActions)
        {
            start(new RecordingCompilationStartContext(shape, compilation, options));
        }

        return shape;
    }

    /// <summary>
    /// Only <paramref name="analyzer"/>'s <see cref="DiagnosticAnalyzer.Initialize"/>: its generated-code setting and
    /// what it registers directly, not what its compilation-start actions would (which need a real driver's context).
    /// </summary>
    public static RegistrationShape Initialized(DiagnosticAnalyzer analyzer)
    {
        var shape = new RegistrationShape(analyzer.GetType().Name);
        analyzer.Initialize(new RecordingAnalysisContext(shape));
        return shape;
    }

    /// <summary>An analyzer with these registrations, the same supported diagnostics as <paramref name="like"/>, and actions that do nothing.</summary>
    public DiagnosticAnalyzer Hollow(DiagnosticAnalyzer like) => new HollowAnalyzer(this, like.SupportedDiagnostics);

    /// <summary>The registrations of several analyzers made by one analyzer with <paramref name="generatedCode"/> (a merged group's shape).</summary>
    public static RegistrationShape Union(string name, GeneratedCodeAnalysisFlags generatedCode, IEnumerable<RegistrationShape> shapes)
    {
        var union = new RegistrationShape(name) { GeneratedCode = generatedCode, ConfiguredGeneratedCode = true };
        foreach (RegistrationShape shape in shapes)
        {
            union._replays.AddRange(shape._replays);
            union._registrations.AddRange(shape._registrations);
            union._symbolActions.AddRange(shape._symbolActions);
            union._syntaxNodeActions.AddRange(shape._syntaxNodeActions);
        }

        return union;
    }

    /// <summary>
    /// The same work for the driver in the fewest actions: every symbol action merged into one over all their symbol
    /// kinds, every syntax-node action into one over all their syntax kinds (what one dispatching registration per group
    /// would register); the other registrations as they are.
    /// </summary>
    public RegistrationShape Coalesced()
    {
        var coalesced = new RegistrationShape(Name + ", coalesced") { GeneratedCode = GeneratedCode, ConfiguredGeneratedCode = ConfiguredGeneratedCode };
        for (int i = 0; i < _replays.Count; i++)
        {
            if (!_registrations[i].StartsWith("symbol action", StringComparison.Ordinal) && !_registrations[i].StartsWith("syntax node action", StringComparison.Ordinal))
            {
                coalesced.Record(_registrations[i], _replays[i]);
            }
        }

        ImmutableArray<SymbolKind> symbolKinds = _symbolActions.SelectMany(k => k).Distinct().ToImmutableArray();
        if (!symbolKinds.IsEmpty)
        {
            coalesced.Record($"symbol action ({Kinds(symbolKinds)})", s => s.RegisterSymbolAction(static _ => { }, symbolKinds));
        }

        ImmutableArray<SyntaxKind> syntaxKinds = _syntaxNodeActions.SelectMany(k => k).Distinct().ToImmutableArray();
        if (!syntaxKinds.IsEmpty)
        {
            coalesced.Record($"syntax node action ({Kinds(syntaxKinds)})", s => s.RegisterSyntaxNodeAction(static _ => { }, syntaxKinds));
        }

        return coalesced;
    }

    private void RecordSymbolAction(ImmutableArray<SymbolKind> symbolKinds)
    {
        _symbolActions.Add(symbolKinds);
        Record($"symbol action ({Kinds(symbolKinds)})", s => s.RegisterSymbolAction(static _ => { }, symbolKinds));
    }

    private void RecordSyntaxNodeAction<TLanguageKindEnum>(ImmutableArray<TLanguageKindEnum> syntaxKinds)
        where TLanguageKindEnum : struct
    {
        if (syntaxKinds is ImmutableArray<SyntaxKind> csharp)
        {
            _syntaxNodeActions.Add(csharp);
        }

        Record($"syntax node action ({Kinds(syntaxKinds)})", s => s.RegisterSyntaxNodeAction(static _ => { }, syntaxKinds));
    }

    // One method per kind of registration, called from both recording contexts (Roslyn's AnalysisContext and
    // CompilationStartAnalysisContext share no base to put the overrides in): how each is recorded and replayed is here.

    private void RecordCompilationEndAction(string registration) =>
        Record(registration, static s => s.RegisterCompilationEndAction(static _ => { }));

    private void RecordSemanticModelAction() =>
        Record("semantic model action", static s => s.RegisterSemanticModelAction(static _ => { }));

    private void RecordSymbolStartAction(SymbolKind symbolKind) =>
        Record($"symbol-start action ({symbolKind})", s => s.RegisterSymbolStartAction(static _ => { }, symbolKind));

    private void RecordCodeBlockStartAction<TLanguageKindEnum>()
        where TLanguageKindEnum : struct =>
        Record("code-block-start action", static s => s.RegisterCodeBlockStartAction<TLanguageKindEnum>(static _ => { }));

    private void RecordCodeBlockAction() =>
        Record("code-block action", static s => s.RegisterCodeBlockAction(static _ => { }));

    private void RecordSyntaxTreeAction() =>
        Record("syntax tree action", static s => s.RegisterSyntaxTreeAction(static _ => { }));

    private void RecordAdditionalFileAction() =>
        Record("additional file action", static s => s.RegisterAdditionalFileAction(static _ => { }));

    private void RecordOperationAction(ImmutableArray<OperationKind> operationKinds) =>
        Record($"operation action ({Kinds(operationKinds)})", s => s.RegisterOperationAction(static _ => { }, operationKinds));

    private void RecordOperationBlockStartAction() =>
        Record("operation-block-start action", static s => s.RegisterOperationBlockStartAction(static _ => { }));

    private void RecordOperationBlockAction() =>
        Record("operation-block action", static s => s.RegisterOperationBlockAction(static _ => { }));

    private void Record(string registration, Action<CompilationStartAnalysisContext> replay)
    {
        _registrations.Add(registration);
        _replays.Add(replay);
    }

    private static string Kinds<T>(ImmutableArray<T> kinds) => string.Join(", ", kinds.Select(k => k!.ToString()));

#pragma warning disable RS1001 // Only instantiated by the benchmark, never loaded by a compiler.
    private sealed class HollowAnalyzer(RegistrationShape shape, ImmutableArray<DiagnosticDescriptor> supported) : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = supported;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(shape.GeneratedCode);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                foreach (Action<CompilationStartAnalysisContext> replay in shape._replays)
                {
                    replay(start);
                }
            });
        }
    }

    /// <summary>Records registrations made in <see cref="DiagnosticAnalyzer.Initialize"/>; actions registered there replay from the hollow analyzer's compilation start, which the driver treats alike.</summary>
    private sealed class RecordingAnalysisContext(RegistrationShape shape) : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = [];

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
            shape.GeneratedCode = analysisMode;
            shape.ConfiguredGeneratedCode = true;
        }

        public override void EnableConcurrentExecution()
        {
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
            shape.RecordCompilationEndAction("compilation (end) action");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            shape.RecordSemanticModelAction();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            shape.RecordSymbolAction(symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            shape.RecordSymbolStartAction(symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            shape.RecordCodeBlockStartAction<TLanguageKindEnum>();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            shape.RecordCodeBlockAction();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            shape.RecordSyntaxTreeAction();

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
            shape.RecordAdditionalFileAction();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            shape.RecordSyntaxNodeAction(syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            shape.RecordOperationAction(operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            shape.RecordOperationBlockStartAction();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            shape.RecordOperationBlockAction();
    }

    /// <summary>Records what a compilation-start action registers on one compilation.</summary>
    private sealed class RecordingCompilationStartContext(RegistrationShape shape, Compilation compilation, AnalyzerOptions options)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            shape.RecordCompilationEndAction("compilation-end action");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            shape.RecordSemanticModelAction();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            shape.RecordSymbolAction(symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            shape.RecordSymbolStartAction(symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            shape.RecordCodeBlockStartAction<TLanguageKindEnum>();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            shape.RecordCodeBlockAction();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            shape.RecordSyntaxTreeAction();

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
            shape.RecordAdditionalFileAction();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            shape.RecordSyntaxNodeAction(syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            shape.RecordOperationAction(operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            shape.RecordOperationBlockStartAction();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            shape.RecordOperationBlockAction();
    }
}
