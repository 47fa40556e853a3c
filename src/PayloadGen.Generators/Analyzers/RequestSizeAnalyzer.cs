using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.SizeModel;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0102 (certain) and PG0112 (possible): a handler's request type cannot, or may not, fit the limit of its
/// invocation path. AWS event types are left alone: the service bounds them.
/// </summary>
public sealed class RequestSizeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.RequestLikelyExceedsLimit, Rules.RequestMayExceedLimit);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            SizeRuleContext shared = SizeRuleContext.For(start.Compilation);
            HandlerCatalog catalog = shared.Catalog(start.Options, start.CancellationToken);
            JsonSizeModel sizes = shared.Engine.Sizes;
            start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, catalog, sizes), SymbolKind.Method);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, HandlerCatalog catalog, JsonSizeModel sizes)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (catalog.Find(method, SerializedPayloads.Request) is not { Payload: { } payload } handler
            || payload.Locations.Length == 0
            || HandlerCatalog.IsAwsType(payload.Type)
            || KnownSymbols.InheritsFrom(payload.Type, catalog.Symbols.Stream))
        {
            return;
        }

        AnalyzerConfigOptions options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(payload.Locations[0].SourceTree!);
        long limit = SizeLimitOptions.From(options).RequestLimit(handler.Path);
        SizeVerdict verdict = SizeVerdict.Judge(payload.Type, findings: null, sizes, limit, method.Name);
        if (verdict.Level == SizeLevel.Silent)
        {
            return;
        }

        DiagnosticDescriptor rule = verdict.Level == SizeLevel.Likely ? Rules.RequestLikelyExceedsLimit : Rules.RequestMayExceedLimit;
        context.ReportDiagnostic(Diagnostic.Create(
            rule,
            payload.Locations[0],
            HandlerCatalog.Properties(handler),
            method.Name,
            InvocationPathText.Name(handler.Path),
            SizeVerdict.Bytes(limit),
            verdict.Reason,
            handler.RequestAdvice));
    }
}
