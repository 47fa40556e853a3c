namespace PayloadGen.AspNetCore;

/// <summary>
/// The event source an ASP.NET Core application on Lambda is invoked through, which decides how large its response
/// may be. Mirrors <c>Amazon.Lambda.AspNetCoreServer.Hosting.LambdaEventSource</c>, plus function URLs.
/// </summary>
public enum LambdaHttpEventSource
{
    /// <summary>API Gateway HTTP API (payload format 2.0): 6 MB response.</summary>
    HttpApi = 0,

    /// <summary>API Gateway REST API: 6 MB response (Lambda's limit; the API itself takes 10 MB).</summary>
    RestApi = 1,

    /// <summary>Application Load Balancer: 1 MB response.</summary>
    ApplicationLoadBalancer = 2,

    /// <summary>Lambda function URL in BUFFERED mode: 6 MB response.</summary>
    FunctionUrl = 3,
}
