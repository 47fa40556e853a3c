using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The <see cref="AnalysisContext"/> a rule of a <see cref="RuleGroupAnalyzer"/> initializes against: its actions are
/// registered on the group's context, so the driver runs them as the group's. The group has already configured
/// concurrency and generated code; a rule asking for other generated-code handling is in the wrong group, which is a
/// bug in the group's list, not something to paper over.
/// </summary>
internal sealed class RuleGroupContext(AnalysisContext group, GeneratedCodeAnalysisFlags groupGeneratedCode, DiagnosticAnalyzer rule) : AnalysisContext
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

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => group.RegisterCompilationStartAction(action);

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => group.RegisterCompilationAction(action);

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => group.RegisterSemanticModelAction(action);

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => group.RegisterSymbolAction(action, symbolKinds);

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => group.RegisterSymbolStartAction(action, symbolKind);

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => group.RegisterCodeBlockStartAction(action);

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => group.RegisterCodeBlockAction(action);

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => group.RegisterSyntaxTreeAction(action);

    public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => group.RegisterAdditionalFileAction(action);

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => group.RegisterSyntaxNodeAction(action, syntaxKinds);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => group.RegisterOperationAction(action, operationKinds);

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => group.RegisterOperationBlockStartAction(action);

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => group.RegisterOperationBlockAction(action);
}
