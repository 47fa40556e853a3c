using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Infrastructure;

/// <summary>Runs every PayloadGen analyzer (and generator) over a compilation, collecting diagnostics and analyzer exceptions.</summary>
internal static class AnalyzerRunner
{
    /// <summary>As the compiler loads them: the <c>[DiagnosticAnalyzer]</c> groups, which run every rule.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = typeof(Rules).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The source generators of the same assembly, so robustness covers them as they land.</summary>
    public static readonly ImmutableArray<ISourceGenerator> AllGenerators = typeof(Rules).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(GeneratorAttribute), false).Length > 0)
        .Select(t => Activator.CreateInstance(t) switch
        {
            IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
            ISourceGenerator generator => generator,
            _ => throw new InvalidOperationException(t.FullName),
        })
        .ToImmutableArray();

    /// <param name="references">Extra metadata references (another project of the solution), besides <see cref="TestReferences.All"/>.</param>
    public static CSharpCompilation Compile(string assemblyName, IEnumerable<(string Path, string Text)> sources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, IEnumerable<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), s.Path)),
            TestReferences.All.AddRange(references ?? []),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));

    public static async Task<Result> RunAsync(Compilation compilation, IEnumerable<(string Path, string Text)> additionalFiles, string editorConfig = "")
    {
        ImmutableArray<AdditionalText> texts = additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var optionsProvider = new TestOptionsProvider(editorConfig);

        (compilation, ImmutableArray<Diagnostic> generatorFailures) = RunGenerators(compilation, texts, optionsProvider);

        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(texts, optionsProvider),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(AllAnalyzers, options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return new Result(compilation, diagnostics, exceptions.ToImmutableArray(), generatorFailures);
    }

    /// <summary>
    /// Runs one analyzer alone, sequentially, and returns its diagnostics with Roslyn's telemetry of it (the actions it
    /// registered, counted by kind); any exception it throws fails the test.
    /// </summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, AnalyzerTelemetryInfo Telemetry)> AnalyzeWithTelemetryAsync(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        CompilationWithAnalyzers analyzed = compilation.WithAnalyzers([analyzer], options);
        ImmutableArray<Diagnostic> diagnostics = await analyzed.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        return (diagnostics, await analyzed.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None));
    }

    /// <summary>Runs every generator as a build would: the compilation with their output, and their crashes (CS8784/CS8785).</summary>
    public static (Compilation Compilation, ImmutableArray<Diagnostic> Failures) RunGenerators(Compilation compilation, IEnumerable<(string Path, string Text)> additionalFiles, string editorConfig = "") =>
        RunGenerators(compilation, additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray(), new TestOptionsProvider(editorConfig));

    private static (Compilation Compilation, ImmutableArray<Diagnostic> Failures) RunGenerators(Compilation compilation, ImmutableArray<AdditionalText> texts, AnalyzerConfigOptionsProvider optionsProvider)
    {
        if (AllGenerators.IsEmpty)
        {
            return (compilation, []);
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(AllGenerators, texts, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, optionsProvider);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out ImmutableArray<Diagnostic> generatorDiagnostics);
        var failures = generatorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").ToList();
        failures.AddRange(driver.GetRunResult().Results.Where(r => r.Exception is not null)
            .Select(r => Diagnostic.Create("CS8785", "Generator", r.Exception!.ToString(), DiagnosticSeverity.Error, DiagnosticSeverity.Error, true, 0)));
        return (generated, failures.ToImmutableArray());
    }

    internal sealed record Result(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> AnalyzerExceptions, ImmutableArray<Diagnostic> GeneratorFailures)
    {
        public IEnumerable<Diagnostic> AnalyzerFailures => Diagnostics.Where(d => d.Id == "AD0001");
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider(string editorConfig) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _options = new(editorConfig);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

        public DictionaryOptions(string lines)
        {
            foreach (string line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    _values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
                }
            }
        }

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
