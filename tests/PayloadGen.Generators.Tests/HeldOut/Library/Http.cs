// HTTP handlers of the three kinds, and Amazon.Lambda.Annotations functions.
using System.Text.Json;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.ApplicationLoadBalancerEvents;

namespace Web.Api
{
    public sealed record Customer(string Id, string Name);

    public sealed record ReportRequest(string Name, int Rows);

    public sealed record Report(string Title, IReadOnlyList<string> Lines);

    public interface ICustomerStore
    {
        Customer? Find(string id);
    }

    public sealed partial class ExportFunctions
    {
        public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

        // expect: wrap -- HTTP API v2 proxy response, async, with context
        [ClaimCheck]
        public async Task<APIGatewayHttpApiV2ProxyResponse> ExportCsv(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
        {
            await Task.Yield();
            int rows = int.Parse(request.QueryStringParameters["rows"], System.Globalization.CultureInfo.InvariantCulture);
            return new APIGatewayHttpApiV2ProxyResponse
            {
                StatusCode = 200,
                Headers = new Dictionary<string, string> { ["content-type"] = "text/csv", ["access-control-allow-origin"] = "https://app.example.com" },
                Body = string.Concat(Enumerable.Range(0, rows).Select(i => i + ",row " + i + "\n")),
            };
        }

        // expect: wrap -- ALB response from a ValueTask, no context
        [ClaimCheck]
        public static ValueTask<ApplicationLoadBalancerResponse> Health(ApplicationLoadBalancerRequest request)
            => new(new ApplicationLoadBalancerResponse { StatusCode = 200, StatusDescription = "200 OK", Body = "ok " + request.Path });

        // expect: PG0002 -- an HTTP source on a method that returns a plain object
        [ClaimCheck(Source = PayloadSource.ApiGatewayHttp)]
        public Customer Get(APIGatewayHttpApiV2ProxyRequest request) => new(request.RawPath, "n/a");

        // expect: wrap PG0009 -- a proxy request in, a plain object out, Source unset: would answer with a pointer
        [ClaimCheck]
        public Customer Lookup(APIGatewayProxyRequest request) => new(request.Path, "n/a");

        // expect: wrap -- an explicit Direct source keeps the pointer format for an SDK-invoked function (PG0009 page)
        [ClaimCheck(Source = PayloadSource.Direct)]
        public Customer LookupDirect(APIGatewayProxyRequest request) => new(request.Path, "n/a");
    }

    public partial class AnnotatedFunctions
    {
        private readonly ICustomerStore? _store;

        public AnnotatedFunctions() { }

        public AnnotatedFunctions(ICustomerStore store) => _store = store;

        // expect: PG0002 -- [FromServices] is a second payload parameter to a [ClaimCheck] wrapper (README: Annotations
        // functions use [ClaimCheckSerializer]). Written before the first run as "PG0002 PG0009"; PG0009 is reported only
        // on methods the generator wraps (the analyzer's stated design, now on the rule page), corrected after it
        [LambdaFunction]
        [HttpApi(LambdaHttpMethod.Get, "/customers/{id}")]
        [ClaimCheck]
        public Customer? GetCustomer([FromRoute] string id, [FromServices] ICustomerStore store) => store.Find(id);

        // expect: wrap -- [LambdaFunction] invoked directly (no HTTP attribute), [FromBody] on the one payload
        [LambdaFunction(MemorySize = 1024)]
        [ClaimCheck]
        public Task<Report> Build([FromBody] ReportRequest request, ILambdaContext context)
            => Task.FromResult(new Report(request.Name + (_store is null ? "" : "*"), Enumerable.Range(0, request.Rows).Select(i => "line " + i).ToList()));

        // expect: wrap PG0009 -- [RestApi] with a plain object response: would answer with a pointer
        [LambdaFunction]
        [RestApi(LambdaHttpMethod.Post, "/reports")]
        [ClaimCheck]
        public Report Post([FromBody] ReportRequest request) => new(JsonSerializer.Serialize(request), Array.Empty<string>());
    }
}
