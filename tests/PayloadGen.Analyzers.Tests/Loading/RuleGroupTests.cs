using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Loading;

/// <summary>
/// The compiler loads only the <c>[DiagnosticAnalyzer]</c> rule groups; these tests make sure that loading them is
/// loading every rule, once, with the generated-code handling the rule asks for.
/// </summary>
public sealed class RuleGroupTests
{
    private static readonly Type[] AnalyzerTypes = typeof(Rules).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .ToArray();

    private static readonly RuleGroupAnalyzer[] Groups = AnalyzerTypes
        .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => Assert.IsAssignableFrom<RuleGroupAnalyzer>(Activator.CreateInstance(t)))
        .ToArray();

    [Fact]
    public void Every_rule_runs_in_exactly_one_group_and_only_groups_are_loaded_by_the_compiler()
    {
        var grouped = Groups.SelectMany(g => g.Rules).Select(r => r.GetType()).ToList();
        Assert.Equal(grouped.Count, grouped.Distinct().Count());

        var rules = AnalyzerTypes.Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is null).ToList();
        Assert.NotEmpty(rules);
        Assert.Equal(rules.OrderBy(t => t.Name, StringComparer.Ordinal), grouped.OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void A_group_supports_exactly_the_diagnostics_of_its_rules()
    {
        foreach (RuleGroupAnalyzer group in Groups)
        {
            string[] expected = group.Rules.SelectMany(r => r.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, group.SupportedDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray());
        }
    }

    [Fact]
    public void Each_rule_analyzes_generated_code_as_its_group_does_and_registers_through_it()
    {
        foreach (RuleGroupAnalyzer group in Groups)
        {
            var groupContext = new RecordingContext();
            group.Initialize(groupContext);
            GeneratedCodeAnalysisFlags groupFlags = Assert.Single(groupContext.GeneratedCode);
            Assert.True(groupContext.Concurrent);
            Assert.Equal(1, groupContext.CompilationStartActions);

            foreach (DiagnosticAnalyzer rule in group.Rules)
            {
                var ruleContext = new RecordingContext();
                rule.Initialize(ruleContext);
                Assert.True(groupFlags == Assert.Single(ruleContext.GeneratedCode), $"{rule.GetType().Name} is in {group.GetType().Name}");
            }
        }
    }

    /// <summary>Records what an analyzer configures and registers; runs nothing.</summary>
    private sealed class RecordingContext : AnalysisContext
    {
        public List<GeneratedCodeAnalysisFlags> GeneratedCode { get; } = [];

        public bool Concurrent { get; private set; }

        public int CompilationStartActions { get; private set; }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode.Add(analysisMode);

        public override void EnableConcurrentExecution() => Concurrent = true;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions++;

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
        }
    }
}
