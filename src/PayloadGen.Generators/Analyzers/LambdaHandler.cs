using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>A method the size rules treat as a Lambda handler, with how it is invoked.</summary>
internal sealed class LambdaHandler
{
    public LambdaHandler(IMethodSymbol method, InvocationPath path, IParameterSymbol? payload, bool isMethod = true, bool returnsProxyResponse = false, SerializedPayloads? bootstrapSerializable = null)
    {
        ReturnsProxyResponse = returnsProxyResponse;
        BootstrapSerializable = bootstrapSerializable;
        Method = method;
        Path = path;
        Payload = payload;
        IsMethod = isMethod;
    }

    /// <summary>False for local functions, lambdas and minimal-API endpoints, which cannot carry an attribute the generator wraps.</summary>
    public bool IsMethod { get; }

    public IMethodSymbol Method { get; }

    /// <summary>How messages name the handler: the method or local function, or where a lambda is.</summary>
    public string DisplayName => Method.MethodKind switch
    {
        MethodKind.Ordinary or MethodKind.LocalFunction => Method.Name,
        _ => Method.ContainingSymbol is IMethodSymbol { Name: "<Main>$" } or null ? "the lambda in the top-level program" : "the lambda in " + Method.ContainingSymbol.Name,
    };

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
    /// <remarks>
    /// Never for a method an executable binds with <c>LambdaBootstrapBuilder.Create</c>: the bootstrap calls the method
    /// itself, not the wrapper [ClaimCheck] would add, so the fix is the serializer it is bound with.
    /// </remarks>
    public bool CanClaimCheck => IsMethod && BootstrapSerializable is null && (ReturnsProxyResponse || Path is not (InvocationPath.ApiGateway or InvocationPath.Alb));

    /// <summary>
    /// For a handler an executable binds with <c>LambdaBootstrapBuilder.Create</c> (with a serializer that is not a
    /// claim-check serializer, or it would not be reported), the payloads a <c>[ClaimCheckSerializer]</c> passed to those
    /// calls would offload; null for a handler no bootstrap binds.
    /// </summary>
    public SerializedPayloads? BootstrapSerializable { get; }

    /// <summary>What the response rules tell the user to do, after the reason.</summary>
    public string ResponseAdvice =>
        (BootstrapSerializable & SerializedPayloads.Response) == SerializedPayloads.Response
            ? "pass a [ClaimCheckSerializer] class to LambdaBootstrapBuilder.Create instead of this serializer to offload large responses to S3"
            : !CanClaimCheck ? "page the response or return a presigned S3 URL instead of the data"
            : ReturnsProxyResponse ? "add [ClaimCheck] to answer large bodies with a redirect to a copy in S3"
            : "add [ClaimCheck] to offload large responses to S3";

    /// <summary>What the request rules tell the user to do, after the reason.</summary>
    public string RequestAdvice =>
        (BootstrapSerializable & SerializedPayloads.Request) == SerializedPayloads.Request
            ? "pass a [ClaimCheckSerializer] class to LambdaBootstrapBuilder.Create instead of this serializer so callers can send large requests as a pointer to S3"
            : CanClaimCheck ? "add [ClaimCheck] so callers can send large requests as a pointer to S3"
            : "accept a reference to the data (an S3 key or URL) instead of the data";

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
