using System;

namespace PayloadGen;

/// <summary>
/// The API Gateway and ALB proxy event types of Amazon.Lambda.APIGatewayEvents and
/// Amazon.Lambda.ApplicationLoadBalancerEvents, recognized by full name (PayloadGen does not reference those
/// packages), and the HTTP source each one travels through.
/// </summary>
internal static class ProxyEventTypes
{
    /// <summary>The HTTP source whose proxy request <paramref name="type"/> is, or <see langword="null"/>.</summary>
    public static PayloadSource? RequestSource(Type type) => type.FullName switch
    {
        "Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest" => PayloadSource.ApiGatewayRest,
        // Function URLs send the HTTP API's payload format 2.0 and have its 6 MB limit.
        "Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest" => PayloadSource.ApiGatewayHttp,
        "Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest" => PayloadSource.ApplicationLoadBalancer,
        _ => null,
    };

    /// <summary>The HTTP source whose proxy response <paramref name="type"/> is, or <see langword="null"/>.</summary>
    public static PayloadSource? ResponseSource(Type type) => type.FullName switch
    {
        "Amazon.Lambda.APIGatewayEvents.APIGatewayProxyResponse" => PayloadSource.ApiGatewayRest,
        "Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyResponse" => PayloadSource.ApiGatewayHttp,
        "Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerResponse" => PayloadSource.ApplicationLoadBalancer,
        _ => null,
    };
}
