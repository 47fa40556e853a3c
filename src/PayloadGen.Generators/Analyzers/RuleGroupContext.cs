using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The <see cref="AnalysisContext"/> a rule of a <see cref="RuleGroupAnalyzer"/> initializes against: it collects the
/// rule's compilation-start actions, which the group runs from its own (<see cref="RuleGroupCompilationStart"/>), so the
/// driver runs the rule's actions as the group's. The group has already configured concurrency and generated code; a
/// rule asking for other generated-code handling is in the wrong group, which is a bug in the group's list, not
/// something to paper over.
/// </summary>
/// <remarks>
/// The driver skips an analyzer whose every diagnostic is configured <c>none</c>, but a group has the diagnostics of
/// all its rules, so it is skipped only when all of them are off. The group therefore decides per rule, once per
/// compilation (<see cref="SuppressedRules"/>): a rule registers its actions from a compilation-start action, and that
/// action does not run when the rule is off. A rule that registered anything else directly could not be skipped, so it
/// is refused.
/// </remarks>
internal sealed class RuleGroupContext(
    List<(DiagnosticAnalyzer Rule, Action<CompilationStartAnalysisContext> Start)> compilationStarts,
    GeneratedCodeAnalysisFlags groupGeneratedCode,
    DiagnosticAnalyzer rule) : AnalysisContext
{
    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
    {
        if (analysisMode != groupGeneratedCode)
        {
            throw new InvalidOperationException(
                $"{rule.GetType().Name} asks for generated code '{analysisMode}' but its group analyzes '{groupGeneratedCode}'; move it to the group that matches.");
        }
    }

    public override void EnableConcurrentExecution()
    {
        // The group enables it for all of its rules, which are all written to run concurrently.
    }

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => compilationStarts.Add((rule, action));

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw NotFromCompilationStart();

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw NotFromCompilationStart();

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw NotFromCompilationStart();

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw NotFromCompilationStart();

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw NotFromCompilationStart();

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw NotFromCompilationStart();

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw NotFromCompilationStart();

    public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => throw NotFromCompilationStart();

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw NotFromCompilationStart();

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => throw NotFromCompilationStart();

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw NotFromCompilationStart();

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw NotFromCompilationStart();

    private InvalidOperationException NotFromCompilationStart() => new(
        $"{rule.GetType().Name} registers an action outside a compilation-start action; its group could not skip it when its diagnostics are configured none.");
}
