using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;
using static PayloadGen.Analyzers.Tests.Infrastructure.ResponseDiagnostics;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>ALB is held to 1 MB everywhere, and a proxy response names the HTTP service that reads it.</summary>
public class HttpHandlerLimitTests
{
    [Fact]
    public async Task An_alb_limit_raised_in_editorconfig_stays_at_ALBs_1_MB()
    {
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer>
        {
            TestCode = """
                using Amazon.Lambda.Core;
                using Amazon.Lambda.ApplicationLoadBalancerEvents;
                public class Functions
                {
                    public ApplicationLoadBalancerResponse {|#0:Export|}(ApplicationLoadBalancerRequest request, ILambdaContext context) =>
                        new() { StatusCode = 200, Body = System.IO.File.ReadAllText("export.json") };
                }
                """,
        }.WithEditorConfig("payloadgen.limit.alb = 4MB\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0)
            .WithMessage($"The response of 'Export' is likely to exceed the Application Load Balancer limit of 1,048,576 bytes: ApplicationLoadBalancerResponse.Body \u2190 File.ReadAllText reads a whole file; {Redirect}"));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_alb_response_from_a_stream_handler_is_held_to_1_MB()
    {
        // No event type on the request side: the response type alone says an ALB reads it.
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer>
        {
            TestCode = """
                using Amazon.Lambda.Core;
                using Amazon.Lambda.ApplicationLoadBalancerEvents;
                public class Functions
                {
                    public ApplicationLoadBalancerResponse {|#0:Export|}(System.IO.Stream input, ILambdaContext context) =>
                        new() { StatusCode = 200, Body = System.IO.File.ReadAllText("export.json") };
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0)
            .WithMessage($"The response of 'Export' is likely to exceed the Application Load Balancer limit of 1,048,576 bytes: ApplicationLoadBalancerResponse.Body \u2190 File.ReadAllText reads a whole file; {Redirect}"));
        await test.RunAsync();
    }
}
