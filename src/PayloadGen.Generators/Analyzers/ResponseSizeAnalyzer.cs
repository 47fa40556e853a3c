using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

            // A method's operation tree only when its symbol is a handler: an operation-block action for the whole compilation
            // would have the driver bind every method body of the project again (a third of a compile), and one per type
            // (a symbol-start action) costs the driver its bookkeeping of every type's members.
            start.RegisterSyntaxNodeAction(declaration => AnalyzeMethod(declaration, catalog, engine), SyntaxKind.MethodDeclaration);

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
        // The function's own body is the root: indexing the whole enclosing method (a top-level Program with dozens of
        // endpoints) once per endpoint would make the cost quadratic.
        FlowFindings findings = TraceReturns(body, engine);
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

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, HandlerCatalog catalog, SizeEngine engine)
    {
        var declaration = (MethodDeclarationSyntax)context.Node;
        if (context.ContainingSymbol is not IMethodSymbol method
            || method.Locations.Length == 0
            || !HasExecutableCode(declaration)
            || catalog.Symbols.ResultType(method) is not { } resultType
            || catalog.Find(method, SerializedPayloads.Response) is not { } handler)
        {
            return;
        }

        bool judgeBodyOnly = JudgesBodyOnly(resultType, catalog.Symbols, engine);
        FlowFindings findings = declaration.Body is null && declaration.ExpressionBody is null
            ? new FlowFindings()
            : TraceReturns(context.SemanticModel.GetOperation(declaration, context.CancellationToken), engine);
        Report(context.ReportDiagnostic, context.Options, handler, method.Locations[0], judgeBodyOnly ? null : resultType, findings, engine);
    }

    /// <summary>
    /// Whether the driver has code blocks of <paramref name="declaration"/> to analyze — a body, or only attributes (on the
    /// method, its result, parameters or type parameters) and parameter defaults, whose handler is then judged by its result type alone, as it was when this rule was an
    /// operation-block action.
    /// </summary>
    private static bool HasExecutableCode(MethodDeclarationSyntax declaration)
    {
        if (declaration.Body is not null || declaration.ExpressionBody is not null || declaration.AttributeLists.Count > 0)
        {
            return true;
        }

        foreach (ParameterSyntax parameter in declaration.ParameterList.Parameters)
        {
            if (parameter.Default is not null || parameter.AttributeLists.Count > 0)
            {
                return true;
            }
        }

        foreach (TypeParameterSyntax typeParameter in declaration.TypeParameterList?.Parameters ?? default)
        {
            if (typeParameter.AttributeLists.Count > 0)
            {
                return true;
            }
        }

        return false;
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

    private static FlowFindings TraceReturns(IOperation? body, SizeEngine engine)
    {
        var findings = new FlowFindings();
        if (body is null)
        {
            return findings;
        }

        List<IOperation> returned = PayloadFlowAnalysis.ReturnedValues(body);
        if (returned.Count > 0)
        {
            var flow = new PayloadFlowAnalysis(body, engine);
            foreach (IOperation value in returned)
            {
                flow.Trace(value, findings);
            }
        }

        return findings;
    }
}
