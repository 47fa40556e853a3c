using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0009: a <c>[ClaimCheck]</c> handler that the code says is invoked through API Gateway or an ALB (its request is a
/// proxy request, or an Annotations HTTP attribute says so) but that returns a plain object, so its wrapper would
/// answer a large response with a pointer no HTTP client can read.
/// </summary>
public sealed class PointerBehindHttpAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.PointerBehindHttp);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start => ClaimCheckMethods.Register(start, includeFunctions: false, static (shape, _, report, _) => Analyze(shape, report)));
    }

    private static void Analyze(HandlerShape shape, System.Action<Diagnostic> report)
    {
        // Only a wrapper that will exist and speaks the pointer format; an explicit Source is the author's decision.
        if (!shape.CanWrap || shape.IsHttp || shape.Attribute.SourceIsExplicit
            || shape.Method.MethodKind != MethodKind.Ordinary || shape.Method.Locations.Length == 0
            || shape.Signature?.ResponseType is not { } response)
        {
            return;
        }

        if (HttpEvidence(shape.Method) is not (InvocationPath path, string evidence))
        {
            return;
        }

        report(Diagnostic.Create(
            Rules.PointerBehindHttp,
            shape.Method.Locations[0],
            shape.Method.Name,
            InvocationPathText.Name(path),
            evidence,
            response.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            path == InvocationPath.Alb ? "ApplicationLoadBalancerResponse" : "APIGatewayHttpApiV2ProxyResponse (HTTP API, function URL) or APIGatewayProxyResponse (REST API)"));
    }

    /// <summary>Why the handler is behind API Gateway or an ALB, as the code shows it, or nothing.</summary>
    private static (InvocationPath Path, string Evidence)? HttpEvidence(IMethodSymbol method)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && KnownSymbols.IsInNamespace(type, "Amazon.Lambda.Annotations")
                && type.Name is "HttpApiAttribute" or "RestApiAttribute" or "ALBApiAttribute")
            {
                string name = type.Name.Substring(0, type.Name.Length - "Attribute".Length);
                return (type.Name == "ALBApiAttribute" ? InvocationPath.Alb : InvocationPath.ApiGateway, "its [" + name + "] attribute");
            }
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (HandlerCatalog.PathFromEventType(parameter.Type) is InvocationPath path and (InvocationPath.ApiGateway or InvocationPath.Alb))
            {
                return (path, "its request is " + parameter.Type.Name);
            }
        }

        return null;
    }
}
