using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.SizeModel;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0101 (likely) and PG0111 (possible): a handler's response is likely, or could be, larger than the limit of
/// the path that waits for it. Evidence comes from following the returned values back through the body.
/// </summary>
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
            if (!catalog.MayHaveHandlers)
            {
                return;
            }

            SizeEngine engine = shared.Engine;

            // Operation trees only for the types that declare a handler: registered for the whole compilation, the driver
            // would bind every method body of the project again (a third of a compile) to hand it to this rule.
            start.RegisterSymbolStartAction(
                typeStart =>
                {
                    if (DeclaresHandler((INamedTypeSymbol)typeStart.Symbol, catalog))
                    {
                        typeStart.RegisterOperationBlockAction(block => AnalyzeBlock(block, catalog, engine));
                    }
                },
                SymbolKind.NamedType);

            // Local functions and lambdas have no symbol action: their syntax says whether one can be a handler, and only
            // then is its method bound.
            if (FunctionHandlerCandidates.For(catalog) is { } candidates)
            {
                start.RegisterSyntaxNodeAction(
                    node =>
                    {
                        if (candidates.MayBeHandler(node.Node) && FunctionOperation(node) is { } function)
                        {
                            AnalyzeFunction(function, node.ReportDiagnostic, node.Options, catalog, engine);
                        }
                    },
                    FunctionHandlerCandidates.Kinds);
            }
        });
    }

    private static bool DeclaresHandler(INamedTypeSymbol type, HandlerCatalog catalog)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol method && catalog.Find(method) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operation of a local function or lambda (not of the delegate creation that shares its syntax).</summary>
    private static IOperation? FunctionOperation(SyntaxNodeAnalysisContext context) =>
        context.SemanticModel.GetOperation(context.Node, context.CancellationToken) switch
        {
            IDelegateCreationOperation creation => creation.Target,
            { } operation => operation,
            null => null,
        };

    /// <summary>Local functions and lambdas bound by <c>LambdaBootstrapBuilder</c>, and minimal-API endpoints on Lambda hosting.</summary>
    private static void AnalyzeFunction(IOperation operation, System.Action<Diagnostic> report, AnalyzerOptions options, HandlerCatalog catalog, SizeEngine engine)
    {
        (IMethodSymbol function, IBlockOperation? body, Location location) = operation switch
        {
            ILocalFunctionOperation local => (local.Symbol, local.Body ?? local.IgnoredBody, local.Symbol.Locations.Length > 0 ? local.Symbol.Locations[0] : local.Syntax.GetLocation()),
            IAnonymousFunctionOperation lambda => (lambda.Symbol, lambda.Body, ArrowOf(lambda.Syntax)),
            _ => (null!, null, Location.None),
        };
        if (function is null || body is null || catalog.Symbols.ResultType(function) is not { } resultType)
        {
            return;
        }

        LambdaHandler? handler = catalog.FindFunction(function);
        if (handler is null && EndpointMapping(operation) is { } map)
        {
            handler = catalog.FindEndpoint(function, map);
        }

        if (handler is null)
        {
            return;
        }

        bool judgeBodyOnly = JudgesBodyOnly(resultType, catalog.Symbols, engine);
        var findings = new FlowFindings();
        // The function's own body is the root: indexing the whole enclosing method (a top-level Program with dozens of
        // endpoints) once per endpoint would make the cost quadratic.
        var flow = new PayloadFlowAnalysis(body, engine);
        foreach (IOperation value in PayloadFlowAnalysis.ReturnedValues(body))
        {
            flow.Trace(value, findings);
        }

        Report(report, options, handler, location, judgeBodyOnly ? null : resultType, findings, engine);
    }

    /// <summary>The <c>MapGet(pattern, handler)</c>-style call a lambda is the handler argument of, through its delegate conversions.</summary>
    private static IInvocationOperation? EndpointMapping(IOperation lambda)
    {
        IOperation? current = lambda.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation { Parent: IInvocationOperation map } ? map : null;
    }

    private static Location ArrowOf(SyntaxNode syntax) => syntax switch
    {
        LambdaExpressionSyntax lambda => lambda.ArrowToken.GetLocation(),
        AnonymousMethodExpressionSyntax method => method.DelegateKeyword.GetLocation(),
        _ => syntax.GetLocation(),
    };

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, HandlerCatalog catalog, SizeEngine engine)
    {
        if (context.OwningSymbol is not IMethodSymbol method
            || method.Locations.Length == 0
            || catalog.Symbols.ResultType(method) is not { } resultType
            || catalog.Find(method, SerializedPayloads.Response) is not { } handler)
        {
            return;
        }

        bool judgeBodyOnly = JudgesBodyOnly(resultType, catalog.Symbols, engine);
        FlowFindings findings = TraceReturns(context.OperationBlocks, engine);
        Report(context.ReportDiagnostic, context.Options, handler, method.Locations[0], judgeBodyOnly ? null : resultType, findings, engine);
    }

    /// <summary>
    /// HTTP proxy responses carry the payload as text in <c>Body</c>, and HTTP results (Annotations' <c>IHttpResult</c>,
    /// ASP.NET Core's <c>IResult</c>, <c>IActionResult</c>, <c>ActionResult&lt;T&gt;</c>) wrap it: their own type says
    /// nothing about its size, so only what flows into them is judged. AWS types are the service's.
    /// </summary>
    private static bool JudgesBodyOnly(ITypeSymbol resultType, KnownSymbols symbols, SizeEngine engine) =>
        engine.Symbols.IsHttpProxyResponse(resultType)
        || SymbolEqualityComparer.Default.Equals(resultType, symbols.AnnotationsHttpResult)
        || SymbolEqualityComparer.Default.Equals(resultType, symbols.AspNetResult)
        || HandlerCatalog.IsAwsType(resultType)
        || KnownSymbols.IsInNamespace(resultType, "Microsoft.AspNetCore");

    private static void Report(
        System.Action<Diagnostic> report, AnalyzerOptions analyzerOptions, LambdaHandler handler, Location location, ITypeSymbol? judgedType, FlowFindings findings, SizeEngine engine)
    {
        if (location.SourceTree is not { } tree)
        {
            return;
        }

        AnalyzerConfigOptions options = analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (SizeLimitOptions.From(options).ResponseLimit(handler.Path) is not long limit)
        {
            return;
        }

        SizeVerdict verdict = SizeVerdict.Judge(judgedType, findings, engine.Sizes, limit, Origin(handler.Method));
        if (verdict.Level == SizeLevel.Silent)
        {
            return;
        }

        DiagnosticDescriptor rule = verdict.Level == SizeLevel.Likely ? Rules.ResponseLikelyExceedsLimit : Rules.ResponseMayExceedLimit;
        report(Diagnostic.Create(
            rule,
            location,
            HandlerCatalog.Properties(handler),
            handler.DisplayName,
            InvocationPathText.Name(handler.Path),
            SizeVerdict.Bytes(limit),
            verdict.Reason,
            handler.ResponseAdvice));
    }

    /// <summary>How the handler starts a path through the methods it calls: <c>GetProducts() → ProductRepository.GetAll()</c>.</summary>
    private static string Origin(IMethodSymbol handler) => handler.MethodKind == MethodKind.AnonymousFunction ? "lambda" : handler.Name;

    private static FlowFindings TraceReturns(ImmutableArray<IOperation> blocks, SizeEngine engine)
    {
        var findings = new FlowFindings();
        foreach (IOperation block in blocks)
        {
            List<IOperation> returned = PayloadFlowAnalysis.ReturnedValues(block);
            if (returned.Count == 0)
            {
                continue;
            }

            var flow = new PayloadFlowAnalysis(block, engine);
            foreach (IOperation value in returned)
            {
                flow.Trace(value, findings);
            }
        }

        return findings;
    }
}
