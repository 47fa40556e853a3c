using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.SizeModel;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// What the size rules share: the size engine per compilation (one type cache and one set of method summaries for
/// the response, request and message analyzers) and the handler catalog per compilation and options — the IDE can keep a compilation while
/// the deployment files (AdditionalFiles, part of the options) change.
/// </summary>
internal sealed class SizeRuleContext
{
    private static readonly ConditionalWeakTable<Compilation, SizeRuleContext> PerCompilation = new();

    private readonly Compilation _compilation;
    private readonly ConditionalWeakTable<AnalyzerOptions, HandlerCatalog> _catalogs = new();

    private SizeRuleContext(Compilation compilation)
    {
        _compilation = compilation;
        Engine = SizeEngine.For(compilation);
    }

    /// <summary>The compilation's size engine: symbols, size model, recognizers and method summaries.</summary>
    public SizeEngine Engine { get; }

    public static SizeRuleContext For(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new SizeRuleContext(c));

    public HandlerCatalog Catalog(AnalyzerOptions options, CancellationToken cancellationToken) =>
        _catalogs.GetValue(options, o => HandlerCatalog.Create(KnownSymbols.For(_compilation), o, cancellationToken));
}
