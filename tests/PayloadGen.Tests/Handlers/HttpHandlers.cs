using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.ApplicationLoadBalancerEvents;
using Amazon.Lambda.Core;
using PayloadGen.Tests.Http;

namespace PayloadGen.Tests.Handlers;

/// <summary>
/// HTTP handlers compiled by the real generator: each answers with a body of the size the query string asks for
/// (<c>?bytes=…&amp;status=…</c>), with a CORS header, multi-value headers or cookies, as real handlers do.
/// </summary>
public static partial class HttpHandlers
{
    /// <summary>The browser origin the CORS headers allow.</summary>
    public const string Origin = "https://app.example.com";

    /// <summary>The injection point the generator recognises; tests point it at s3rver.</summary>
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    /// <summary>REST API: a binary (PDF) body, base64-encoded as API Gateway requires, with multi-value headers.</summary>
    [ClaimCheck]
    public static APIGatewayProxyResponse RestBinary(APIGatewayProxyRequest request)
    {
        (int bytes, int status) = Ask(request.QueryStringParameters);
        return new APIGatewayProxyResponse
        {
            StatusCode = status,
            Headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "application/pdf",
                ["Content-Disposition"] = "attachment; filename=\"report-42.pdf\"",
                ["Access-Control-Allow-Origin"] = Origin,
            },
            MultiValueHeaders = new Dictionary<string, IList<string>>
            {
                ["Set-Cookie"] = new List<string> { "session=abc123; Secure; HttpOnly", "theme=dark" },
                ["Vary"] = new List<string> { "Origin" },
            },
            Body = Convert.ToBase64String(HttpBodies.Binary(bytes)),
            IsBase64Encoded = true,
        };
    }

    /// <summary>The same REST handler, answering 307 instead of 303.</summary>
    [ClaimCheck(HttpAnswer = HttpOffloadAnswer.TemporaryRedirect)]
    public static APIGatewayProxyResponse RestBinaryTemporaryRedirect(APIGatewayProxyRequest request) => RestBinary(request);

    /// <summary>HTTP API (payload format 2.0): a CSV export with cookies.</summary>
    [ClaimCheck]
    public static Task<APIGatewayHttpApiV2ProxyResponse> HttpApiCsv(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        (int bytes, int status) = Ask(request.QueryStringParameters);
        return Task.FromResult(new APIGatewayHttpApiV2ProxyResponse
        {
            StatusCode = status,
            Headers = new Dictionary<string, string>
            {
                ["content-type"] = "text/csv; charset=utf-8",
                ["access-control-allow-origin"] = Origin,
                ["x-report-id"] = "42",
            },
            Cookies = new[] { "session=abc123; Secure; HttpOnly", "lang=en" },
            Body = HttpBodies.Csv(bytes),
        });
    }

    /// <summary>The CSV export for API clients that must not follow redirects: the JSON answer, a one-minute URL.</summary>
    [ClaimCheck(HttpAnswer = HttpOffloadAnswer.Json, PresignSeconds = 60)]
    public static Task<APIGatewayHttpApiV2ProxyResponse> HttpApiCsvAsJson(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) => HttpApiCsv(request, context);

    /// <summary>HTTP API: a PNG image, base64-encoded.</summary>
    [ClaimCheck]
    public static APIGatewayHttpApiV2ProxyResponse HttpApiImage(APIGatewayHttpApiV2ProxyRequest request) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, string> { ["content-type"] = "image/png", ["access-control-allow-origin"] = Origin },
        Body = Convert.ToBase64String(HttpBodies.Binary(Ask(request.QueryStringParameters).Bytes)),
        IsBase64Encoded = true,
    };

    /// <summary>ALB target: a gzip archive, base64-encoded, with multi-value headers as a target group with them enabled reads.</summary>
    [ClaimCheck]
    public static ApplicationLoadBalancerResponse AlbArchive(ApplicationLoadBalancerRequest request) => new()
    {
        StatusCode = 200,
        StatusDescription = "200 OK",
        MultiValueHeaders = new Dictionary<string, IList<string>>
        {
            ["Content-Type"] = new List<string> { "application/gzip" },
            ["Access-Control-Allow-Origin"] = new List<string> { Origin },
        },
        Body = Convert.ToBase64String(HttpBodies.Binary(Ask(request.QueryStringParameters).Bytes)),
        IsBase64Encoded = true,
    };

    /// <summary>ALB target: a JSON document, with the status description ALB answers with.</summary>
    [ClaimCheck]
    public static ApplicationLoadBalancerResponse AlbJson(ApplicationLoadBalancerRequest request)
    {
        (int bytes, int status) = Ask(request.QueryStringParameters);
        return new ApplicationLoadBalancerResponse
        {
            StatusCode = status,
            StatusDescription = status.ToString(CultureInfo.InvariantCulture) + (status == 200 ? " OK" : " Error"),
            Headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "application/json",
                ["Access-Control-Allow-Origin"] = Origin,
            },
            Body = HttpBodies.Json(bytes),
        };
    }

    /// <summary>Function URL: reports what body it received, so an upload slot round trip can be checked.</summary>
    [ClaimCheck(Source = PayloadSource.FunctionUrl)]
    public static APIGatewayHttpApiV2ProxyResponse DescribeUpload(APIGatewayHttpApiV2ProxyRequest request) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
        Body = Describe(request.Body, request.IsBase64Encoded),
    };

    /// <summary>REST API: the same, for binary uploads.</summary>
    [ClaimCheck]
    public static APIGatewayProxyResponse RestDescribeUpload(APIGatewayProxyRequest request) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        Body = Describe(request.Body, request.IsBase64Encoded),
    };

    /// <summary>ALB: the same.</summary>
    [ClaimCheck]
    public static ApplicationLoadBalancerResponse AlbDescribeUpload(ApplicationLoadBalancerRequest request) => new()
    {
        StatusCode = 200,
        StatusDescription = "200 OK",
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        Body = Describe(request.Body, request.IsBase64Encoded),
    };

    private static string Describe(string? body, bool isBase64Encoded)
    {
        byte[] bytes = body is null ? Array.Empty<byte>() : isBase64Encoded ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        return $"{{\"length\":{bytes.Length.ToString(CultureInfo.InvariantCulture)},\"sha256\":\"{Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant()}\",\"isBase64Encoded\":{(isBase64Encoded ? "true" : "false")}}}";
    }

    private static (int Bytes, int Status) Ask(IDictionary<string, string>? query)
    {
        int bytes = query is not null && query.TryGetValue("bytes", out string? b) ? int.Parse(b, CultureInfo.InvariantCulture) : 1_000;
        int status = query is not null && query.TryGetValue("status", out string? s) ? int.Parse(s, CultureInfo.InvariantCulture) : 200;
        return (bytes, status);
    }
}
