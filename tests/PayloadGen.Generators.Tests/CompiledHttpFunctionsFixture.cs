using System;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>HTTP handlers (REST, HTTP API, ALB) compiled with their generated wrappers once, and loaded.</summary>
public sealed class CompiledHttpFunctionsFixture : IDisposable
{
    public const string FunctionsType = "HttpDemo.Functions";

    private const string Source = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.ApplicationLoadBalancerEvents;
        using Amazon.Lambda.Core;
        using PayloadGen;

        namespace HttpDemo
        {
            public partial class Functions
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                public static APIGatewayProxyResponse Rest(APIGatewayProxyRequest request) => new()
                {
                    StatusCode = int.Parse(request.QueryStringParameters["status"]),
                    Headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain", ["Access-Control-Allow-Origin"] = "*" },
                    Body = new string('r', int.Parse(request.QueryStringParameters["bytes"])),
                };

                [ClaimCheck]
                public APIGatewayProxyResponse RestText(APIGatewayProxyRequest request) => Rest(request);

                [ClaimCheck(Source = PayloadSource.Direct)]
                public APIGatewayProxyResponse RestInvokedDirectly(APIGatewayProxyRequest request) => Rest(request);

                [ClaimCheck(HttpAnswer = HttpOffloadAnswer.Json, PresignSeconds = 120)]
                public static async Task<APIGatewayHttpApiV2ProxyResponse> HttpApiJsonAnswer(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                {
                    await Task.Yield();
                    return new APIGatewayHttpApiV2ProxyResponse
                    {
                        StatusCode = 201,
                        Headers = new Dictionary<string, string> { ["content-type"] = "text/csv" },
                        Cookies = new[] { "a=1" },
                        Body = new string('c', int.Parse(request.QueryStringParameters["bytes"])),
                    };
                }

                [ClaimCheck]
                public static ApplicationLoadBalancerResponse AlbEcho(ApplicationLoadBalancerRequest request) => new()
                {
                    StatusCode = 200,
                    StatusDescription = "200 OK",
                    Headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain" },
                    Body = (request.IsBase64Encoded ? "base64:" : "text:") + request.Body,
                };
            }
        }
        """;

    public CompiledHttpFunctionsFixture()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create([HttpEventsContract.Source, Source]));
        Assert.Empty(run.OutputProblems());
        Loaded = LoadedAssembly.Load(run.Output);
    }

    internal LoadedAssembly Loaded { get; }

    public void Dispose() => Loaded.Dispose();
}
