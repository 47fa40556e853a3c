using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Benchmarks;

/// <summary>
/// What <c>dotnet build</c> of a <c>net10.0</c> project runs besides the compiler before any package is referenced,
/// read from the installed SDK as its build passes it to <c>csc</c> (checked with <c>dotnet build -v:detailed</c>):
/// the code-analysis analyzers (<c>EnableNETAnalyzers</c>, on by default) with the severities of the analysis-level
/// global config the SDK picks (<c>analysislevel_10_default.globalconfig</c>), and the targeting pack's source
/// generators (System.Text.Json, Regex, LibraryImport, JSImport, COM interfaces). PayloadGen's marginal share of a
/// real build is measured on top of these.
/// </summary>
internal sealed class SdkBuildAnalyzers
{
    private SdkBuildAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<ISourceGenerator> generators, ImmutableDictionary<string, ReportDiagnostic> severities, IReadOnlyList<string> files)
    {
        Analyzers = analyzers;
        Generators = generators;
        Severities = severities;
        Files = files;
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<ISourceGenerator> Generators { get; }

    /// <summary>The global config's <c>dotnet_diagnostic.ID.severity</c> entries, as the compiler applies them.</summary>
    public ImmutableDictionary<string, ReportDiagnostic> Severities { get; }

    /// <summary>The analyzer assemblies and the global config read, for the report.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Reads them from the SDK and targeting pack next to the running runtime (the same install that builds).</summary>
    public static SdkBuildAnalyzers Load()
    {
        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        string sdk = Newest(Path.Combine(root, "sdk"));
        string analyzersFolder = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers");
        string targetingPack = Newest(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"));
        string globalConfig = Path.Combine(analyzersFolder, "build", "config", "analysislevel_10_default.globalconfig");

        var paths = new List<string>
        {
            Path.Combine(analyzersFolder, "Microsoft.CodeAnalysis.NetAnalyzers.dll"),
            Path.Combine(analyzersFolder, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"),
        };
        paths.AddRange(Directory.GetFiles(Path.Combine(targetingPack, "analyzers", "dotnet", "cs"), "*.dll").OrderBy(p => p, StringComparer.Ordinal));

        var loader = new DefaultContextLoader();
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var generators = ImmutableArray.CreateBuilder<ISourceGenerator>();
        foreach (string path in paths)
        {
            loader.AddDependencyLocation(path);
        }

        foreach (string path in paths)
        {
            var reference = new AnalyzerFileReference(path, loader);
            reference.AnalyzerLoadFailed += (_, failure) => throw new InvalidOperationException($"{path}: {failure.Message}", failure.Exception);
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            generators.AddRange(reference.GetGenerators(LanguageNames.CSharp));
        }

        return new SdkBuildAnalyzers(analyzers.ToImmutable(), generators.ToImmutable(), ReadSeverities(globalConfig), [.. paths, globalConfig]);
    }

    /// <summary>The build properties the SDK writes into every project's generated editorconfig that the analyzers read.</summary>
    public static IReadOnlyDictionary<string, string> BuildProperties { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["build_property.TargetFramework"] = "net10.0",
        ["build_property.TargetFrameworkIdentifier"] = ".NETCoreApp",
        ["build_property.TargetFrameworkVersion"] = "v10.0",
        ["build_property._SupportedPlatformList"] = "Linux,macOS,Windows",
        ["build_property.RootNamespace"] = "Synthetic.Functions",
        ["build_property.EffectiveAnalysisLevelStyle"] = "10.0",
    };

    private static ImmutableDictionary<string, ReportDiagnostic> ReadSeverities(string globalConfig)
    {
        var severities = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in File.ReadLines(globalConfig))
        {
            // dotnet_diagnostic.CA1516.severity = none
            string[] parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].StartsWith("dotnet_diagnostic.", StringComparison.Ordinal) && parts[0].EndsWith(".severity", StringComparison.Ordinal))
            {
                string id = parts[0]["dotnet_diagnostic.".Length..^".severity".Length];
                severities[id] = parts[1] switch
                {
                    "none" => ReportDiagnostic.Suppress,
                    "silent" => ReportDiagnostic.Hidden,
                    "suggestion" => ReportDiagnostic.Info,
                    "warning" => ReportDiagnostic.Warn,
                    "error" => ReportDiagnostic.Error,
                    _ => ReportDiagnostic.Default,
                };
            }
        }

        return severities.ToImmutable();
    }

    private static string Newest(string folder) =>
        Directory.GetDirectories(folder).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) ? v : new Version()).First();

    /// <summary>Loads analyzer assemblies into the default context, where the benchmark's Roslyn already is.</summary>
    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
