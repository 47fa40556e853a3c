using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

public class PointerBehindHttpTests
{
    private const string ApiGatewayAdvice = "APIGatewayHttpApiV2ProxyResponse (HTTP API, function URL) or APIGatewayProxyResponse (REST API)";

    private static string Message(string method, string path, string evidence, string returned, string advice) =>
        $"'{method}' is invoked through {path} ({evidence}), which reads only a proxy response, but it returns '{returned}': an offloaded response would reach the client as a 502; return {advice} with the payload serialized into Body (PayloadGen then redirects large bodies to S3), or set Source = PayloadSource.Direct if callers invoke the function directly";

    [Fact]
    public async Task Reports_a_plain_object_returned_to_an_API_Gateway_or_ALB_request()
    {
        var test = new PayloadGenAnalyzerTest<PointerBehindHttpAnalyzer>
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.Lambda.APIGatewayEvents;
                using Amazon.Lambda.ApplicationLoadBalancerEvents;
                using PayloadGen;
                public sealed class Report { public List<string> Rows { get; set; } = new(); }
                public partial class Functions
                {
                    [ClaimCheck] public Task<Report> {|#0:Get|}(APIGatewayProxyRequest request) => Task.FromResult(new Report());
                    [ClaimCheck] public Report {|#1:FromAlb|}(ApplicationLoadBalancerRequest request) => new();
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.PointerBehindHttp).WithLocation(0)
            .WithMessage(Message("Get", "API Gateway", "its request is APIGatewayProxyRequest", "Report", ApiGatewayAdvice)));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.PointerBehindHttp).WithLocation(1)
            .WithMessage(Message("FromAlb", "Application Load Balancer", "its request is ApplicationLoadBalancerRequest", "Report", "ApplicationLoadBalancerResponse")));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_an_Annotations_HTTP_function()
    {
        var test = new PayloadGenAnalyzerTest<PointerBehindHttpAnalyzer>
        {
            TestCode = """
                using Amazon.Lambda.Annotations;
                using Amazon.Lambda.Annotations.APIGateway;
                using PayloadGen;
                public partial class Functions
                {
                    [LambdaFunction]
                    [HttpApi(LambdaHttpMethod.Get, "/report")]
                    [ClaimCheck]
                    public string {|#0:Report|}(string id) => id;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.PointerBehindHttp).WithLocation(0)
            .WithMessage(Message("Report", "API Gateway", "its [HttpApi] attribute", "string", ApiGatewayAdvice)));
        await test.RunAsync();
    }

    [Fact]
    public async Task Is_silent_for_proxy_responses_explicit_sources_and_handlers_without_HTTP_evidence()
    {
        await new PayloadGenAnalyzerTest<PointerBehindHttpAnalyzer>
        {
            TestCode = """
                using Amazon.Lambda.APIGatewayEvents;
                using PayloadGen;
                public sealed class Report { public string Title { get; set; } = ""; }
                public partial class Functions
                {
                    [ClaimCheck] public APIGatewayProxyResponse Proxy(APIGatewayProxyRequest request) => new();
                    [ClaimCheck(Source = PayloadSource.Direct)] public Report Invoked(APIGatewayProxyRequest request) => new();
                    [ClaimCheck] public Report Plain(Report request) => request;
                    [ClaimCheck] public void NoResponse(APIGatewayProxyRequest request) { }
                }
                """,
        }.RunAsync();
    }
}
