// Amazon.Lambda.APIGatewayEvents and Amazon.Lambda.ApplicationLoadBalancerEvents are not restorable here. The
// middleware recognises the request Amazon.Lambda.AspNetCoreServer keeps in HttpContext.Items by its type's full name,
// so these stand-ins carry exactly those names (their members do not matter to it).
#pragma warning disable CA1716 // The names are Amazon's, not ours to choose.
namespace Amazon.Lambda.APIGatewayEvents
{
    public class APIGatewayProxyRequest
    {
        public string? Path { get; set; }
    }

    public class APIGatewayHttpApiV2ProxyRequest
    {
        public string? RawPath { get; set; }
    }
}

namespace Amazon.Lambda.ApplicationLoadBalancerEvents
{
    public class ApplicationLoadBalancerRequest
    {
        public string? Path { get; set; }
    }
}
