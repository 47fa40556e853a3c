using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.SizeModel;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0101 (likely) and PG0111 (possible): a handler's response is likely, or could be, larger than the limit of
/// the path that waits for it. Evidence comes from following the returned values back through the body.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResponseSizeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.ResponseLikelyExceedsLimit, Rules.ResponseMayExceedLimit);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            SizeRuleContext shared = SizeRuleContext.For(start.Compilation);
            HandlerCatalog catalog = shared.Catalog(start.Options, start.CancellationToken);
            JsonSizeModel sizes = shared.Sizes;
            start.RegisterOperationBlockAction(block => AnalyzeBlock(block, catalog, sizes));
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, HandlerCatalog catalog, JsonSizeModel sizes)
    {
        if (context.OwningSymbol is not IMethodSymbol method
            || method.Locations.Length == 0
            || catalog.Symbols.ResultType(method) is not { } resultType
            || catalog.Find(method) is not { } handler)
        {
            return;
        }

        AnalyzerConfigOptions options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(method.Locations[0].SourceTree!);
        if (SizeLimitOptions.From(options).ResponseLimit(handler.Path) is not long limit)
        {
            return;
        }

        // HTTP proxy responses carry the payload as text in Body; their own type says nothing about its size.
        bool judgeBodyOnly = PayloadFlowAnalysis.IsHttpProxyResponse(resultType)
            || resultType.Name == "IHttpResult"
            || HandlerCatalog.IsAwsType(resultType);
        FlowFindings findings = TraceReturns(context.OperationBlocks, sizes);
        SizeVerdict verdict = SizeVerdict.Judge(judgeBodyOnly ? null : resultType, findings, sizes, limit);
        if (verdict.Level == SizeLevel.Silent)
        {
            return;
        }

        DiagnosticDescriptor rule = verdict.Level == SizeLevel.Likely ? Rules.ResponseLikelyExceedsLimit : Rules.ResponseMayExceedLimit;
        context.ReportDiagnostic(Diagnostic.Create(
            rule,
            method.Locations[0],
            HandlerCatalog.Properties(handler),
            method.Name,
            InvocationPathText.Name(handler.Path),
            SizeVerdict.Bytes(limit),
            verdict.Reason,
            handler.CanClaimCheck
                ? "add [ClaimCheck] to offload large responses to S3"
                : "page the response or return a presigned S3 URL instead of the data"));
    }

    private static FlowFindings TraceReturns(ImmutableArray<IOperation> blocks, JsonSizeModel sizes)
    {
        var findings = new FlowFindings();
        foreach (IOperation block in blocks)
        {
            List<IOperation> returned = PayloadFlowAnalysis.ReturnedValues(block);
            if (returned.Count == 0)
            {
                continue;
            }

            var flow = new PayloadFlowAnalysis(block, sizes);
            foreach (IOperation value in returned)
            {
                flow.Trace(value, findings);
            }
        }

        return findings;
    }
}
