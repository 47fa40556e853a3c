using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The compilation start of a <see cref="RuleGroupAnalyzer"/>: runs the compilation-start actions of the group's rules
/// that are not off (<see cref="SuppressedRules"/>), and registers their symbol and syntax-node actions with the driver
/// as one symbol action and one syntax-node action for the whole group, each handing a symbol or node to the actions
/// its rules registered for that kind, in the order they registered them. The driver calls each registered action
/// separately for every symbol and node of its kinds, with a context, an exception guard and (with telemetry) a timer
/// each; one action per kind of registration does the same dispatch for the price of one. Every other registration
/// goes to the driver as it is.
/// </summary>
/// <remarks>
/// A rule's action sees the same context it would have been given by the driver (the group's, as before). What differs:
/// an exception thrown by one rule's action for a symbol or node now also skips the group's later actions for that
/// symbol or node (the driver reports it as AD0001 either way), and Roslyn's telemetry counts the group's two actions,
/// not its rules'. The rules use no <c>TryGetValue</c> value providers, whose cache this context does not share with
/// the driver's.
/// </remarks>
internal sealed class RuleGroupCompilationStart : CompilationStartAnalysisContext
{
    private readonly CompilationStartAnalysisContext _driver;
    private readonly Dictionary<SymbolKind, List<Action<SymbolAnalysisContext>>> _symbolActions = [];
    private readonly Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> _syntaxNodeActions = [];

#pragma warning disable RS1012 // It registers on 'driver' later: the forwarded registrations and the dispatchers.
    private RuleGroupCompilationStart(CompilationStartAnalysisContext driver)
#pragma warning restore RS1012
        : base(driver.Compilation, driver.Options, driver.CancellationToken)
        => _driver = driver;

    /// <summary>
    /// Runs the compilation-start actions of every rule whose diagnostics can be reported in this compilation, then
    /// registers their symbol and syntax-node actions with <paramref name="driver"/> as one dispatching action each.
    /// </summary>
    public static void Run(CompilationStartAnalysisContext driver, IReadOnlyList<(DiagnosticAnalyzer Rule, Action<CompilationStartAnalysisContext> Start)> starts)
    {
        var group = new RuleGroupCompilationStart(driver);
        var suppressed = new Dictionary<DiagnosticAnalyzer, bool>();
        foreach ((DiagnosticAnalyzer rule, Action<CompilationStartAnalysisContext> start) in starts)
        {
            if (!suppressed.TryGetValue(rule, out bool off))
            {
                off = SuppressedRules.AreAllSuppressed(rule.SupportedDiagnostics, driver.Compilation, driver.CancellationToken);
                suppressed[rule] = off;
            }

            if (!off)
            {
                start(group);
            }
        }

        group.RegisterDispatchers();
    }

    private void RegisterDispatchers()
    {
        if (_symbolActions.Count > 0)
        {
            Dictionary<SymbolKind, Action<SymbolAnalysisContext>[]> byKind = Freeze(_symbolActions);
            _driver.RegisterSymbolAction(
                context =>
                {
                    foreach (Action<SymbolAnalysisContext> action in byKind[context.Symbol.Kind])
                    {
                        action(context);
                    }
                },
                ImmutableArray.CreateRange(byKind.Keys));
        }

        if (_syntaxNodeActions.Count > 0)
        {
            Dictionary<SyntaxKind, Action<SyntaxNodeAnalysisContext>[]> byKind = Freeze(_syntaxNodeActions);
            _driver.RegisterSyntaxNodeAction(
                context =>
                {
                    foreach (Action<SyntaxNodeAnalysisContext> action in byKind[context.Node.Kind()])
                    {
                        action(context);
                    }
                },
                ImmutableArray.CreateRange(byKind.Keys));
        }
    }

    private static Dictionary<TKind, Action<TContext>[]> Freeze<TKind, TContext>(Dictionary<TKind, List<Action<TContext>>> actions)
        where TKind : struct
    {
        var frozen = new Dictionary<TKind, Action<TContext>[]>(actions.Count);
        foreach (KeyValuePair<TKind, List<Action<TContext>>> entry in actions)
        {
            frozen[entry.Key] = entry.Value.ToArray();
        }

        return frozen;
    }

    /// <summary>Adds <paramref name="action"/> once for each kind it is registered for; an action registered twice runs twice, as with the driver.</summary>
    private static void Add<TKind, TContext>(Dictionary<TKind, List<Action<TContext>>> actions, Action<TContext> action, ImmutableArray<TKind> kinds)
        where TKind : struct
    {
        var added = new HashSet<TKind>();
        foreach (TKind kind in kinds)
        {
            if (!added.Add(kind))
            {
                continue;
            }

            if (!actions.TryGetValue(kind, out List<Action<TContext>>? forKind))
            {
                forKind = [];
                actions[kind] = forKind;
            }

            forKind.Add(action);
        }
    }

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
        Add(_symbolActions, action, symbolKinds);

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
    {
        if (syntaxKinds is ImmutableArray<SyntaxKind> csharp)
        {
            Add(_syntaxNodeActions, action, csharp);
        }
        else
        {
            _driver.RegisterSyntaxNodeAction(action, syntaxKinds);
        }
    }

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _driver.RegisterCompilationEndAction(action);

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _driver.RegisterSemanticModelAction(action);

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _driver.RegisterSymbolStartAction(action, symbolKind);

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _driver.RegisterCodeBlockStartAction(action);

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _driver.RegisterCodeBlockAction(action);

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _driver.RegisterSyntaxTreeAction(action);

    public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _driver.RegisterAdditionalFileAction(action);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _driver.RegisterOperationAction(action, operationKinds);

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _driver.RegisterOperationBlockStartAction(action);

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _driver.RegisterOperationBlockAction(action);
}
