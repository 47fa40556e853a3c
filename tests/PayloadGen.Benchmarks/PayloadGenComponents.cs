using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Analyzers;

namespace PayloadGen.Benchmarks;

/// <summary>
/// PayloadGen's analyzers and generators as the compiler loads them from an assembly: the types marked
/// <c>[DiagnosticAnalyzer]</c> and <c>[Generator]</c>. Another build of the assembly (an older commit) can be loaded
/// next to this one, in its own load context, so that a change is measured before and after in the same process.
/// </summary>
internal sealed class PayloadGenComponents
{
    private PayloadGenComponents(string name, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<ISourceGenerator> generators)
    {
        Name = name;
        Analyzers = analyzers;
        Generators = generators;
    }

    public string Name { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<ISourceGenerator> Generators { get; }

    /// <summary>The PayloadGen.Generators this benchmark is built with.</summary>
    public static PayloadGenComponents Current { get; } = From(typeof(global::PayloadGen.Generators.Diagnostics.Rules).Assembly, "this branch");

    /// <summary>Another build of PayloadGen.Generators.dll; Roslyn and the BCL come from the default context, as in the compiler.</summary>
    public static PayloadGenComponents Load(string path, string name)
    {
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException("No PayloadGen.Generators build to compare with.", fullPath);
        }

        var context = new AssemblyLoadContext(name);
        return From(context.LoadFromAssemblyPath(fullPath), name);
    }

    /// <summary>The same rules with each rule loaded as its own analyzer instead of through its <see cref="RuleGroupAnalyzer"/>.</summary>
    public PayloadGenComponents Ungrouped() => new(
        Name + ", rules as separate analyzers",
        Analyzers.SelectMany(a => a is RuleGroupAnalyzer group ? group.Rules : [a]).ToImmutableArray(),
        Generators);

    private static PayloadGenComponents From(Assembly assembly, string name)
    {
        Type[] types = assembly.GetTypes().Where(t => !t.IsAbstract).ToArray();
        ImmutableArray<DiagnosticAnalyzer> analyzers = types
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        ImmutableArray<ISourceGenerator> generators = types
            .Where(t => t.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToImmutableArray();
        return new PayloadGenComponents(name, analyzers, generators);
    }
}
