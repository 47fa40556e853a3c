using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// The rule analyzers carry no [DiagnosticAnalyzer]: the compiler loads only the groups, which run them. A rule missing
// from every group is caught by RuleGroupTests, not by this attribute.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(
    "MicrosoftCodeAnalysisCorrectness",
    "RS1001:Missing diagnostic analyzer attribute",
    Scope = "namespaceanddescendants",
    Target = "~N:PayloadGen.Generators.Analyzers",
    Justification = "Rules run inside a RuleGroupAnalyzer, which has the attribute.")]

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// What the compiler loads: a few analyzers, each running a group of rule analyzers as one. Roslyn's driver pays per
/// analyzer — for every symbol, every declaration's syntax walk and every reported diagnostic it runs each analyzer's
/// bookkeeping (generated-code and suppression checks, exception guards, per-analyzer state) — so thirteen rules
/// loaded one by one cost more than the same rules behind two analyzers (docs/performance.md has the figures). Each
/// rule stays its own <see cref="DiagnosticAnalyzer"/> in its own file, testable alone; a group runs their
/// <see cref="DiagnosticAnalyzer.Initialize"/> against its own context, and their compilation-start actions from one of
/// its own, which hands the driver one symbol action and one syntax-node action for all of them. The groups are split by the one setting the
/// driver applies per analyzer and a rule cannot apply itself: whether generated code is analyzed.
/// </summary>
public abstract class RuleGroupAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _rules;
    private readonly GeneratedCodeAnalysisFlags _generatedCode;

    private protected RuleGroupAnalyzer(GeneratedCodeAnalysisFlags generatedCode, params DiagnosticAnalyzer[] rules)
    {
        _generatedCode = generatedCode;
        _rules = ImmutableArray.Create(rules);
        var descriptors = new List<DiagnosticDescriptor>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (DiagnosticAnalyzer rule in rules)
        {
            foreach (DiagnosticDescriptor descriptor in rule.SupportedDiagnostics)
            {
                if (ids.Add(descriptor.Id))
                {
                    descriptors.Add(descriptor);
                }
            }
        }

        SupportedDiagnostics = descriptors.ToImmutableArray();
    }

    /// <summary>The rules this group runs, in the order their actions are registered.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Rules => _rules;

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(_generatedCode);
        context.EnableConcurrentExecution();
        var compilationStarts = new List<(DiagnosticAnalyzer Rule, Action<CompilationStartAnalysisContext> Start)>();
        foreach (DiagnosticAnalyzer rule in _rules)
        {
            rule.Initialize(new RuleGroupContext(compilationStarts, _generatedCode, rule));
        }

        // One compilation-start action for the group: its rules' symbol and syntax-node actions reach the driver as one
        // action of each kind (RuleGroupCompilationStart), which the driver calls once per symbol and node, not once per rule.
        context.RegisterCompilationStartAction(start => RuleGroupCompilationStart.Run(start, compilationStarts));
    }
}
