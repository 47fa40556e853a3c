using Microsoft.AspNetCore.Http;

namespace PayloadGen.AspNetCore;

/// <summary>
/// Which HTTP event source invoked the function. Amazon.Lambda.AspNetCoreServer keeps the Lambda request in
/// <c>HttpContext.Items</c>; its type is recognised by name, because PayloadGen does not reference the Amazon.Lambda
/// packages.
/// </summary>
internal static class LambdaRequestSource
{
    /// <summary>The key Amazon.Lambda.AspNetCoreServer stores the Lambda request under.</summary>
    internal const string RequestObjectItem = "LambdaRequestObject";

    /// <summary>The source assumed without Lambda hosting (Kestrel on a workstation): an HTTP API's 6 MB.</summary>
    internal const PayloadSource Fallback = PayloadSource.ApiGatewayHttp;

    /// <summary>The event source of the request in <paramref name="context"/>, when Lambda hosting recorded one.</summary>
    public static PayloadSource? Detect(HttpContext context)
    {
        if (!context.Items.TryGetValue(RequestObjectItem, out object? request) || request is null)
        {
            return null;
        }

        return request.GetType().FullName switch
        {
            "Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest" => PayloadSource.ApiGatewayRest,
            // Function URLs deliver the same request type as HTTP APIs, with the same 6 MB limit.
            "Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest" => PayloadSource.ApiGatewayHttp,
            "Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest" => PayloadSource.ApplicationLoadBalancer,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="source"/> is an HTTP event source, the only kind the middleware serves.</summary>
    public static bool IsHttp(PayloadSource source)
        => source is PayloadSource.ApiGatewayRest or PayloadSource.ApiGatewayHttp or PayloadSource.FunctionUrl or PayloadSource.ApplicationLoadBalancer;
}
