using System.Collections.Generic;
using System.Text.Json;
using Amazon.Lambda.APIGatewayEvents;

namespace PayloadGen.Tests.Serialization;

/// <summary>The invocation payloads API Gateway sends a function, as the Lambda runtime hands them to the serializer.</summary>
internal static class ProxyEvents
{
    /// <summary>An HTTP API (payload format 2.0) POST to <c>/report</c> with a JSON <paramref name="body"/>.</summary>
    public static byte[] HttpApiRequest(string body) => JsonSerializer.SerializeToUtf8Bytes(new APIGatewayHttpApiV2ProxyRequest
    {
        RawPath = "/report",
        Body = body,
        Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
    });
}
