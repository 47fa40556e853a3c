using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>PayloadGen's analyzers as the compiler loads them: the <c>[DiagnosticAnalyzer]</c> groups, which run every rule.</summary>
internal static class UsageAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(ClaimCheckGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}
