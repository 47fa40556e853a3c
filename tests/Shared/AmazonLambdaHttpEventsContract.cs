// Amazon.Lambda.APIGatewayEvents and Amazon.Lambda.ApplicationLoadBalancerEvents are not restorable in this build
// environment. These are their proxy request and response types with their real names, members and JSON names
// ([JsonPropertyName] on the responses, as the packages declare for System.Text.Json; the requests have none and are
// read case-insensitively), declared once in test code so the generator sees them by metadata name exactly as in a
// user's project. PayloadGen.Tests compiles this file; PayloadGen.Generators.Tests embeds it in its compilations.
// The packages are nullable-oblivious, and so is this copy.
#nullable disable
#pragma warning disable CA1002, CA1056, CA1707, CA1711, CA1716, CA1720, CA1819, CA2227, CA1034 // The shapes are the packages', not ours to choose.
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Amazon.Lambda.APIGatewayEvents
{
    public class APIGatewayProxyRequest
    {
        public string Resource { get; set; }

        public string Path { get; set; }

        public string HttpMethod { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        public IDictionary<string, string> QueryStringParameters { get; set; }

        public IDictionary<string, IList<string>> MultiValueQueryStringParameters { get; set; }

        public IDictionary<string, string> PathParameters { get; set; }

        public IDictionary<string, string> StageVariables { get; set; }

        public ProxyRequestContext RequestContext { get; set; }

        public string Body { get; set; }

        public bool IsBase64Encoded { get; set; }

        public class ProxyRequestContext
        {
            public string AccountId { get; set; }

            public string ApiId { get; set; }

            public string ResourceId { get; set; }

            public string ResourcePath { get; set; }

            public string HttpMethod { get; set; }

            public string Path { get; set; }

            public string Protocol { get; set; }

            public string Stage { get; set; }

            public string RequestId { get; set; }

            public long RequestTimeEpoch { get; set; }

            public RequestIdentity Identity { get; set; }
        }

        public class RequestIdentity
        {
            public string SourceIp { get; set; }

            public string UserAgent { get; set; }
        }
    }

    public class APIGatewayProxyResponse
    {
        [JsonPropertyName("statusCode")]
        public int StatusCode { get; set; }

        [JsonPropertyName("headers")]
        public IDictionary<string, string> Headers { get; set; }

        [JsonPropertyName("multiValueHeaders")]
        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        [JsonPropertyName("body")]
        public string Body { get; set; }

        [JsonPropertyName("isBase64Encoded")]
        public bool IsBase64Encoded { get; set; }
    }

    public class APIGatewayHttpApiV2ProxyRequest
    {
        public string Version { get; set; }

        public string RouteKey { get; set; }

        public string RawPath { get; set; }

        public string RawQueryString { get; set; }

        public string[] Cookies { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public IDictionary<string, string> QueryStringParameters { get; set; }

        public IDictionary<string, string> PathParameters { get; set; }

        public IDictionary<string, string> StageVariables { get; set; }

        public ProxyRequestContext RequestContext { get; set; }

        public string Body { get; set; }

        public bool IsBase64Encoded { get; set; }

        public class ProxyRequestContext
        {
            public string AccountId { get; set; }

            public string ApiId { get; set; }

            public string DomainName { get; set; }

            public string DomainPrefix { get; set; }

            public HttpDescription Http { get; set; }

            public string RequestId { get; set; }

            public string RouteKey { get; set; }

            public string Stage { get; set; }

            public string Time { get; set; }

            public long TimeEpoch { get; set; }
        }

        public class HttpDescription
        {
            public string Method { get; set; }

            public string Path { get; set; }

            public string Protocol { get; set; }

            public string SourceIp { get; set; }

            public string UserAgent { get; set; }
        }
    }

    public class APIGatewayHttpApiV2ProxyResponse
    {
        [JsonPropertyName("statusCode")]
        public int StatusCode { get; set; }

        [JsonPropertyName("headers")]
        public IDictionary<string, string> Headers { get; set; }

        [JsonPropertyName("cookies")]
        public string[] Cookies { get; set; }

        [JsonPropertyName("body")]
        public string Body { get; set; }

        [JsonPropertyName("isBase64Encoded")]
        public bool IsBase64Encoded { get; set; }
    }
}

namespace Amazon.Lambda.ApplicationLoadBalancerEvents
{
    public class ApplicationLoadBalancerRequest
    {
        public ALBRequestContext RequestContext { get; set; }

        public string HttpMethod { get; set; }

        public string Path { get; set; }

        public IDictionary<string, string> QueryStringParameters { get; set; }

        public IDictionary<string, IList<string>> MultiValueQueryStringParameters { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        public string Body { get; set; }

        public bool IsBase64Encoded { get; set; }
    }

    public class ALBRequestContext
    {
        public ElbInfo Elb { get; set; }
    }

    public class ElbInfo
    {
        public string TargetGroupArn { get; set; }
    }

    public class ApplicationLoadBalancerResponse
    {
        [JsonPropertyName("statusCode")]
        public int StatusCode { get; set; }

        [JsonPropertyName("statusDescription")]
        public string StatusDescription { get; set; }

        [JsonPropertyName("headers")]
        public IDictionary<string, string> Headers { get; set; }

        [JsonPropertyName("multiValueHeaders")]
        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        [JsonPropertyName("body")]
        public string Body { get; set; }

        [JsonPropertyName("isBase64Encoded")]
        public bool IsBase64Encoded { get; set; }
    }
}
