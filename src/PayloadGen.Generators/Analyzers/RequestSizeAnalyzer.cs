using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.SizeModel;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0102 (certain) and PG0112 (possible): a handler's request type cannot, or may not, fit the limit of its
/// invocation path. AWS event types are left alone: the service bounds them. Methods, and the local functions and
/// lambdas of an executable assembly (bound by <c>LambdaBootstrapBuilder.Create</c>, or taking an <c>ILambdaContext</c>).
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
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    if (catalog.Find(method, SerializedPayloads.Request) is { } handler)
                    {
                        Analyze(handler, symbolContext.ReportDiagnostic, symbolContext.Options, catalog, sizes);
                    }
                },
                SymbolKind.Method);

            // Local functions and lambdas have no symbol action: their syntax says whether one can be a handler, and only
            // then is its symbol asked for (the parameters alone decide; the body is never traced here).
            if (catalog.MayHaveHandlers && FunctionHandlerCandidates.For(catalog) is { } candidates)
            {
                start.RegisterSyntaxNodeAction(
                    node =>
                    {
                        if (candidates.MayBeHandler(node.Node)
                            && FunctionSymbol(node) is { } function
                            && catalog.FindFunction(function, SerializedPayloads.Request) is { } handler)
                        {
                            Analyze(handler, node.ReportDiagnostic, node.Options, catalog, sizes);
                        }
                    },
                    FunctionHandlerCandidates.Kinds);
            }
        });
    }

    private static IMethodSymbol? FunctionSymbol(SyntaxNodeAnalysisContext context) => context.Node is LocalFunctionStatementSyntax
        ? context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) as IMethodSymbol
        : context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol as IMethodSymbol;

    private static void Analyze(LambdaHandler handler, System.Action<Diagnostic> report, AnalyzerOptions analyzerOptions, HandlerCatalog catalog, JsonSizeModel sizes)
    {
        if (handler.Payload is not { } payload
            || payload.Locations.Length == 0
            || HandlerCatalog.IsAwsType(payload.Type)
            || KnownSymbols.InheritsFrom(payload.Type, catalog.Symbols.Stream))
        {
            return;
        }

        AnalyzerConfigOptions options = analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(payload.Locations[0].SourceTree!);
        long limit = SizeLimitOptions.From(options).RequestLimit(handler.Path);
        string name = handler.DisplayName;
        SizeVerdict verdict = SizeVerdict.Judge(payload.Type, findings: null, sizes, limit, name);
        if (verdict.Level == SizeLevel.Silent)
        {
            return;
        }

        DiagnosticDescriptor rule = verdict.Level == SizeLevel.Likely ? Rules.RequestLikelyExceedsLimit : Rules.RequestMayExceedLimit;
        report(Diagnostic.Create(
            rule,
            payload.Locations[0],
            HandlerCatalog.Properties(handler),
            name,
            InvocationPathText.Name(handler.Path),
            SizeVerdict.Bytes(limit),
            verdict.Reason,
            handler.RequestAdvice));
    }
}
