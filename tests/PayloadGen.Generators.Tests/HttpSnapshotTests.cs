using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>Pins the shape of the HTTP wrappers, and checks that each compiles with no warning.</summary>
public sealed class HttpSnapshotTests
{
    [Fact]
    public void Http_api_handler_with_upload_hydration_and_context()
        => Verify(nameof(Http_api_handler_with_upload_hydration_and_context), """
            using System.Threading.Tasks;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;
            using PayloadGen;

            namespace Demo;

            public partial class ExportFunctions
            {
                [ClaimCheck]
                public Task<APIGatewayHttpApiV2ProxyResponse> Export(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                    => Task.FromResult(new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = request.Body });
            }
            """);

    [Fact]
    public void Rest_handler_with_json_answer_and_url_lifetime()
        => Verify(nameof(Rest_handler_with_json_answer_and_url_lifetime), """
            using Amazon.Lambda.APIGatewayEvents;
            using PayloadGen;

            namespace Demo;

            public static partial class ExportFunctions
            {
                [ClaimCheck(HttpAnswer = HttpOffloadAnswer.Json, PresignSeconds = 300, InlineThresholdBytes = 4096)]
                public static APIGatewayProxyResponse Export(APIGatewayProxyRequest request) => new() { StatusCode = 200 };
            }
            """);

    [Fact]
    public void Alb_handler_without_a_request()
        => Verify(nameof(Alb_handler_without_a_request), """
            using System.Threading.Tasks;
            using Amazon.Lambda.ApplicationLoadBalancerEvents;
            using PayloadGen;

            namespace Demo;

            public partial class HealthFunctions
            {
                [ClaimCheck]
                public ValueTask<ApplicationLoadBalancerResponse> Status() => new(new ApplicationLoadBalancerResponse { StatusCode = 200 });
            }
            """);

    [Fact]
    public void Function_url_source_on_a_v2_response()
        => Verify(nameof(Function_url_source_on_a_v2_response), """
            using Amazon.Lambda.APIGatewayEvents;
            using PayloadGen;

            namespace Demo;

            public partial class UrlFunctions
            {
                [ClaimCheck(Source = PayloadSource.FunctionUrl, HttpAnswer = HttpOffloadAnswer.TemporaryRedirect)]
                public APIGatewayHttpApiV2ProxyResponse Download(APIGatewayHttpApiV2ProxyRequest request) => new() { StatusCode = 200 };
            }
            """);

    private static void Verify(string name, string source)
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create([HttpEventsContract.Source, source]));

        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Exception);
        string generated = Assert.Single(run.Sources).Value;
        Assert.Empty(run.OutputProblems());
        Snapshot.Verify(name, generated);
    }
}
