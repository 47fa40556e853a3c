using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>A method the size rules treat as a Lambda handler, with how it is invoked.</summary>
internal sealed class LambdaHandler
{
    public LambdaHandler(IMethodSymbol method, InvocationPath path, IParameterSymbol? payload, bool isMethod = true, bool returnsProxyResponse = false)
    {
        ReturnsProxyResponse = returnsProxyResponse;
        Method = method;
        Path = path;
        Payload = payload;
        IsMethod = isMethod;
    }

    /// <summary>False for local functions, lambdas and minimal-API endpoints, which cannot carry an attribute the generator wraps.</summary>
    public bool IsMethod { get; }

    public IMethodSymbol Method { get; }

    public InvocationPath Path { get; }

    /// <summary>The request parameter, or null when the handler takes none.</summary>
    public IParameterSymbol? Payload { get; }

    /// <summary>
    /// Whether the handler returns (a task of) an API Gateway or ALB proxy response, whose wrapper answers a redirect to
    /// the stored body instead of a pointer.
    /// </summary>
    public bool ReturnsProxyResponse { get; }

    /// <summary>
    /// Whether adding [ClaimCheck] fixes an oversized payload: on an HTTP path only when the method returns the proxy
    /// response (its wrapper then redirects); a method returning a plain object there is answered by another layer
    /// (Annotations, ASP.NET Core), which a pointer would break.
    /// </summary>
    public bool CanClaimCheck => IsMethod && (ReturnsProxyResponse || Path is not (InvocationPath.ApiGateway or InvocationPath.Alb));

    /// <summary>The PayloadSource member a [ClaimCheck] fix should name, or null for the default.</summary>
    public string? PayloadSourceName => Path switch
    {
        InvocationPath.Sqs => "Sqs",
        InvocationPath.Sns => "Sns",
        InvocationPath.AsyncInvoke => "AsyncInvoke",
        InvocationPath.StepFunctions => "StepFunctions",
        _ => null,
    };
}
