using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// Whether every diagnostic of a rule is configured <c>none</c> for a compilation, so that its
/// <see cref="RuleGroupAnalyzer"/> need not run it. Roslyn's driver makes this decision per analyzer
/// (<c>AnalyzerManager.IsDiagnosticAnalyzerSuppressed</c>); inside a group it has to be made per rule, by the same
/// reading: the rule author's default, then <c>/nowarn</c>, rule sets and <c>SpecificDiagnosticOptions</c>, then a global
/// config, and a rule off for the compilation still runs if any tree's <c>.editorconfig</c> turns it back on.
/// Bulk settings (<c>dotnet_analyzer_diagnostic.severity</c>) never apply to a diagnostic configured by its id, nor to
/// one disabled by default, so they cannot turn back on what this calls suppressed.
/// </summary>
internal static class SuppressedRules
{
    /// <summary>True when no diagnostic in <paramref name="descriptors"/> can be reported in <paramref name="compilation"/>.</summary>
    public static bool AreAllSuppressed(ImmutableArray<DiagnosticDescriptor> descriptors, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            if (!IsSuppressed(descriptor, compilation, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSuppressed(DiagnosticDescriptor descriptor, Compilation compilation, CancellationToken cancellationToken)
    {
        // What options cannot configure is as its author wrote it; a custom-configurable rule decides for itself.
        if (HasCustomTag(descriptor, WellKnownDiagnosticTags.NotConfigurable))
        {
            return !descriptor.IsEnabledByDefault;
        }

        if (HasCustomTag(descriptor, WellKnownDiagnosticTags.CustomSeverityConfigurable))
        {
            return false;
        }

        CompilationOptions options = compilation.Options;
        SyntaxTreeOptionsProvider? treeOptions = options.SyntaxTreeOptionsProvider;
        bool suppressed = !descriptor.IsEnabledByDefault;

        // '/warnaserror-:id' leaves an entry of Default, which configures nothing.
        if ((options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out ReportDiagnostic configured) && configured != ReportDiagnostic.Default)
            || (treeOptions is not null && treeOptions.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out configured)))
        {
            suppressed = configured == ReportDiagnostic.Suppress;
        }

        if (!suppressed || treeOptions is null)
        {
            return suppressed;
        }

        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (treeOptions.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out ReportDiagnostic inTree) && inTree != ReportDiagnostic.Suppress)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasCustomTag(DiagnosticDescriptor descriptor, string tag)
    {
        foreach (string customTag in descriptor.CustomTags)
        {
            if (customTag == tag)
            {
                return true;
            }
        }

        return false;
    }
}
