using Microsoft.AspNetCore.Http;

namespace PayloadGen.AspNetCore;

/// <summary>
/// Which event source invoked the function, and the response limit that follows. Amazon.Lambda.AspNetCoreServer
/// keeps the Lambda request in <c>HttpContext.Items</c>; its type is recognised by name, because PayloadGen does not
/// reference the Amazon.Lambda packages.
/// </summary>
internal static class LambdaRequestSource
{
    /// <summary>The key Amazon.Lambda.AspNetCoreServer stores the Lambda request under.</summary>
    internal const string RequestObjectItem = "LambdaRequestObject";

    /// <summary>ALB's response limit: 1 MB.</summary>
    internal const long ApplicationLoadBalancerResponseBytes = 1_048_576;

    /// <summary>The event source of the request in <paramref name="context"/>, when Lambda hosting recorded one.</summary>
    public static LambdaHttpEventSource? Detect(HttpContext context)
    {
        if (!context.Items.TryGetValue(RequestObjectItem, out object? request) || request is null)
        {
            return null;
        }

        return request.GetType().FullName switch
        {
            "Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest" => LambdaHttpEventSource.RestApi,
            // Function URLs deliver the same payload as HTTP APIs, with the same 6 MB limit.
            "Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest" => LambdaHttpEventSource.HttpApi,
            "Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest" => LambdaHttpEventSource.ApplicationLoadBalancer,
            _ => null,
        };
    }

    /// <summary>The response limit of <paramref name="source"/>.</summary>
    public static long ResponseLimit(LambdaHttpEventSource source)
        => source == LambdaHttpEventSource.ApplicationLoadBalancer ? ApplicationLoadBalancerResponseBytes : PayloadLimits.SyncResponseBytes;

    /// <summary>
    /// The default threshold of <paramref name="source"/>: its limit minus room for the status, headers and JSON
    /// envelope, which the limit counts too.
    /// </summary>
    public static long DefaultThreshold(LambdaHttpEventSource source)
    {
        long limit = ResponseLimit(source);
        return limit - System.Math.Min(PayloadLimits.SafetyMarginBytes, limit / 16);
    }
}
