using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;
using static PayloadGen.Analyzers.Tests.Infrastructure.ResponseDiagnostics;

namespace PayloadGen.Analyzers.Tests.Size;

public class ResponseSizeTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.IO;
        using System.Linq;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.DynamoDBv2.DataModel;
        using Microsoft.EntityFrameworkCore;

        """;

    private const string Model = """

        public class Order { public string Id { get; set; } = ""; public decimal Total { get; set; } public bool Open { get; set; } }
        public class Row { public string Name { get; set; } = ""; public byte[] Attachment { get; set; } = []; }
        public class Report { public string Title { get; set; } = ""; public List<Row> Rows { get; set; } = []; }
        public class Document { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }
        public class Summary { public int Count { get; set; } public decimal Total { get; set; } }
        public class ShopDb : DbContext { public DbSet<Order> Orders { get; set; } = null!; }
        public interface IOrderRepository { List<Order> GetAll(); }
        """;

    private static PayloadGenAnalyzerTest<ResponseSizeAnalyzer> Test(string functions) =>
        new() { TestCode = Usings + functions + Model };

    /// <summary>
    /// A handler without a body is judged by its result type when it has other code (attributes, parameter defaults),
    /// and not at all when it has none: the rule follows the code blocks Roslyn's driver hands an operation-block action.
    /// </summary>
    [Fact]
    public async Task Handler_without_a_body_is_judged_by_its_type_only_when_it_has_other_code()
    {
        var test = Test("""
            public abstract class Functions
            {
                public abstract byte[] NoCode(ILambdaContext context);
                public abstract byte[] {|#0:WithDefault|}(ILambdaContext context, int retries = 1);
                [System.Obsolete] public abstract byte[] {|#1:WithAttribute|}(ILambdaContext context);
                public abstract byte[] {|#2:WithParameterAttribute|}([System.Diagnostics.CodeAnalysis.NotNull] ILambdaContext context);
                public abstract byte[] {|#3:WithTypeParameterAttribute|}<[System.ComponentModel.Description("x")] T>(ILambdaContext context);
            }
            """);
        test.ExpectedDiagnostics.Add(Possible(0, "WithDefault", "byte[]"));
        test.ExpectedDiagnostics.Add(Possible(1, "WithAttribute", "byte[]"));
        test.ExpectedDiagnostics.Add(Possible(2, "WithParameterAttribute", "byte[]"));
        test.ExpectedDiagnostics.Add(Possible(3, "WithTypeParameterAttribute", "byte[]"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Whole_file_read_into_the_response_is_likely()
    {
        var test = Test("""
            public class Functions
            {
                public Document {|#0:Get|}(string name, ILambdaContext context) =>
                    new Document { Name = name, Content = File.ReadAllBytes("/tmp/" + name) };

                public async Task<string> {|#1:Text|}(string name, ILambdaContext context)
                {
                    using var reader = new StreamReader(File.OpenRead(name));
                    return await reader.ReadToEndAsync();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Get", "Document.Content \u2190 File.ReadAllBytes reads a whole file"));
        test.ExpectedDiagnostics.Add(Likely(1, "Text", "ReadToEndAsync reads a whole stream"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Stream_copied_into_a_returned_memory_stream_is_likely()
    {
        var test = Test("""
            public class Functions
            {
                public async Task<byte[]> {|#0:Download|}(string key, ILambdaContext context)
                {
                    using Stream source = File.OpenRead(key);
                    var buffer = new MemoryStream();
                    await source.CopyToAsync(buffer);
                    return buffer.ToArray();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Download", "CopyToAsync copies a whole stream into 'buffer'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Query_materialized_without_Take_is_likely_and_names_the_member()
    {
        var test = Test("""
            public class Functions
            {
                private readonly ShopDb _db = new();

                public async Task<List<Order>> {|#0:Open|}(ILambdaContext context) =>
                    await _db.Orders.Where(o => o.Open).OrderBy(o => o.Id).ToListAsync();

                public Report {|#1:Build|}(ILambdaContext context)
                {
                    var rows = _db.Orders.Select(o => new Row { Name = o.Id }).ToArray();
                    return new Report { Title = "all", Rows = rows.ToList() };
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Open", "ToListAsync() materializes a query over '_db.Orders' with no Take"));
        test.ExpectedDiagnostics.Add(Likely(1, "Build", "Report.Rows \u2190 ToArray() materializes a query over '_db.Orders' with no Take"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Returning_a_query_itself_is_likely_and_long_sources_are_shortened()
    {
        var test = Test("""
            public class Functions
            {
                private readonly ShopDb _db = new();

                public IQueryable<Order> {|#0:Query|}(ILambdaContext context) => _db.Orders.Where(o => o.Open);

                public List<Order> {|#1:Long|}(ILambdaContext context) =>
                    new ShopDb()
                        .Orders
                        .ToList();
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Query", "a query over '_db.Orders' with no Take is serialized whole"));
        test.ExpectedDiagnostics.Add(Likely(1, "Long", "ToList() materializes a query over 'new ShopDb() .Orders' with no Take"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Drained_DynamoDB_scans_are_likely()
    {
        var test = Test("""
            public class Functions
            {
                private readonly IDynamoDBContext _context = null!;
                private readonly IAmazonDynamoDB _client = null!;

                public async Task<List<Order>> {|#0:All|}(ILambdaContext context) =>
                    await _context.ScanAsync<Order>(new List<ScanCondition>()).GetRemainingAsync();

                public async Task<List<Dictionary<string, AttributeValue>>> {|#1:Pages|}(ILambdaContext context)
                {
                    var items = new List<Dictionary<string, AttributeValue>>();
                    var request = new ScanRequest { TableName = "orders" };
                    ScanResponse response;
                    do
                    {
                        response = await _client.ScanAsync(request);
                        items.AddRange(response.Items);
                        request.ExclusiveStartKey = response.LastEvaluatedKey;
                    }
                    while (response.LastEvaluatedKey.Count > 0);
                    return items;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "All", "GetRemainingAsync drains every page of the DynamoDB scan"));
        test.ExpectedDiagnostics.Add(Likely(1, "Pages", "a pagination loop (ExclusiveStartKey) adds every page to 'items'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Constant_text_over_the_limit_is_likely()
    {
        var test = Test("""
            public class Functions
            {
                public string {|#0:Padding|}(ILambdaContext context) => new string('x', 7_000_000);
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Padding", "a string of 7,000,000 characters (7,000,002 bytes of JSON)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Unbounded_response_types_without_evidence_are_possible_with_their_chain()
    {
        var test = Test("""
            public class Functions
            {
                private readonly IOrderRepository _repository = null!;

                public List<Order> {|#0:All|}(ILambdaContext context) => _repository.GetAll();

                public Task<Report> {|#1:Build|}(string title, ILambdaContext context) => Task.FromResult(new Report { Title = title });
            }
            """);
        test.ExpectedDiagnostics.Add(Possible(0, "All", "List<Order> (no bound)"));
        test.ExpectedDiagnostics.Add(Possible(1, "Build", "Report.Rows: List<Row> (no bound) \u2192 Row.Attachment: byte[]"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_fixed_list_that_the_body_keeps_filling_is_not_bounded()
    {
        var test = Test("""
            public class Functions
            {
                public List<Order> {|#0:Collect|}(List<Order> input, ILambdaContext context)
                {
                    List<Order> result = [];
                    foreach (Order order in input)
                    {
                        result.Add(order);
                    }

                    return result;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Possible(0, "Collect", "List<Order> (no bound)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Bounded_responses_are_silent()
    {
        await Test("""
            public class Bounded { [MaxLength(100)] public List<Order> Orders { get; set; } = []; }
            public class Functions
            {
                private readonly ShopDb _db = new();
                private readonly IAmazonDynamoDB _client = null!;
                private readonly IDynamoDBContext _context = null!;

                public async Task<List<Order>> Latest(ILambdaContext context) =>
                    await _db.Orders.OrderBy(o => o.Id).Take(50).ToListAsync();

                public async Task<List<Order>> Page(int size, ILambdaContext context) =>
                    await _db.Orders.Where(o => o.Open).Skip(size).Take(size).ToListAsync();

                public async Task<List<Dictionary<string, AttributeValue>>> OnePage(ILambdaContext context)
                {
                    var response = await _client.ScanAsync(new ScanRequest { TableName = "orders", Limit = 25 });
                    return response.Items;
                }

                public async Task<List<Order>> NextSet(ILambdaContext context) =>
                    await _context.QueryAsync<Order>("customer").GetNextSetAsync();

                public Bounded Declared(ILambdaContext context) => new();

                public Summary Count(ILambdaContext context)
                {
                    var all = _db.Orders.ToList();
                    return new Summary { Count = all.Count, Total = all.Sum(o => o.Total) };
                }

                public string Name(Order order, ILambdaContext context) => File.ReadAllText("name.txt").Substring(0, 10).Length.ToString();

                public Order First(ILambdaContext context) => _db.Orders.First();
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Methods_that_are_not_handlers_or_already_claim_checked_are_silent()
    {
        await Test("""
            public partial class Functions
            {
                public byte[] NotAHandler(string path) => File.ReadAllBytes(path);

                private byte[] PrivateHelper(string path, ILambdaContext context) => File.ReadAllBytes(path);

                [PayloadGen.ClaimCheck]
                public byte[] Protected(string path, ILambdaContext context) => File.ReadAllBytes(path);

                public void NoResult(string path, ILambdaContext context) => File.ReadAllBytes(path);

                public Task NoResultAsync(string path, ILambdaContext context) => File.ReadAllBytesAsync(path);
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Streamed_IAsyncEnumerable_response_under_ClaimCheck_is_handled_and_without_it_is_unbounded()
    {
        var test = Test("""
            public partial class Functions
            {
                [PayloadGen.ClaimCheck]
                public async IAsyncEnumerable<Row> Export(string table, ILambdaContext context)
                {
                    foreach (Row row in await Task.FromResult(new List<Row>()))
                    {
                        yield return row;
                    }
                }

                public IAsyncEnumerable<Row> {|#0:ExportUnwrapped|}(string table, ILambdaContext context) => Export(table, context);
            }
            """);
        test.ExpectedDiagnostics.Add(Possible(0, "ExportUnwrapped", "IAsyncEnumerable<Row> (no bound) \u2192 Row.Attachment: byte[]"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Queue_and_notification_handlers_have_no_response_limit()
    {
        await Test("""
            public class Functions
            {
                public byte[] OnMessage(Amazon.Lambda.SQSEvents.SQSEvent message, ILambdaContext context) => File.ReadAllBytes("x");
                public byte[] OnTopic(Amazon.Lambda.SNSEvents.SNSEvent message, ILambdaContext context) => File.ReadAllBytes("x");
                public byte[] OnObject(Amazon.Lambda.S3Events.S3Event message, ILambdaContext context) => File.ReadAllBytes("x");
            }
            """).RunAsync();
    }

    [Fact]
    public async Task HTTP_proxy_bodies_are_followed_into_JsonSerializer_and_advise_ClaimCheck_redirects()
    {
        var test = Test("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.ApplicationLoadBalancerEvents;
            public class Functions
            {
                private readonly ShopDb _db = new();

                public async Task<APIGatewayProxyResponse> {|#0:List|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var orders = await _db.Orders.ToListAsync();
                    return new APIGatewayProxyResponse { StatusCode = 200, Body = JsonSerializer.Serialize(orders), Headers = new Dictionary<string, string>() };
                }

                public ApplicationLoadBalancerResponse {|#1:Alb|}(ApplicationLoadBalancerRequest request, ILambdaContext context) =>
                    new() { StatusCode = 200, Body = System.Convert.ToBase64String(File.ReadAllBytes("report.pdf")), IsBase64Encoded = true };

                public APIGatewayProxyResponse {|#2:Typed|}(APIGatewayProxyRequest request, ILambdaContext context, List<Order> orders) =>
                    new() { StatusCode = 200, Body = JsonSerializer.Serialize(orders) };

                public APIGatewayProxyResponse Small(APIGatewayProxyRequest request, ILambdaContext context) =>
                    new() { StatusCode = 200, Body = JsonSerializer.Serialize(new Summary { Count = 1 }), Headers = new Dictionary<string, string> { ["a"] = "b" } };

                public APIGatewayProxyResponse Paged(APIGatewayProxyRequest request, ILambdaContext context) =>
                    new() { StatusCode = 200, Body = JsonSerializer.Serialize(_db.Orders.Take(20).ToList()) };
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "List", "APIGatewayProxyResponse.Body \u2190 ToListAsync() materializes a query over '_db.Orders' with no Take", "API Gateway", action: Redirect));
        test.ExpectedDiagnostics.Add(Likely(1, "Alb", "ApplicationLoadBalancerResponse.Body \u2190 File.ReadAllBytes reads a whole file", "Application Load Balancer", "1,048,576", Redirect));
        test.ExpectedDiagnostics.Add(Possible(2, "Typed", "List<Order> (no bound)", "API Gateway", action: Redirect));
        await test.RunAsync();
    }

    [Fact]
    public async Task Annotations_functions_are_handlers_and_HttpApi_means_API_Gateway()
    {
        var test = Test("""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;
            public class Functions
            {
                private readonly ShopDb _db = new();

                [LambdaFunction]
                [HttpApi(LambdaHttpMethod.Get, "/orders")]
                public async Task<IHttpResult> {|#0:Orders|}() => HttpResults.Ok(await _db.Orders.ToListAsync());

                [LambdaFunction]
                public List<Order> {|#1:Direct|}(Order order) => Lookup(order);

                [LambdaFunction]
                public List<Order> Fixed(Order order) => [order];

                private static List<Order> Lookup(Order order) => new() { order };
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Orders", "ToListAsync() materializes a query over '_db.Orders' with no Take", ApiGateway, action: Paging));
        test.ExpectedDiagnostics.Add(Possible(1, "Direct", "List<Order> (no bound)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Deployment_files_discover_handlers_and_their_event_source()
    {
        var test = Test("""
            namespace App
            {
                public class Functions
                {
                    public byte[] {|#0:Download|}(string key) => File.ReadAllBytes(key);
                    public byte[] Consume(string body) => File.ReadAllBytes(body);
                    public byte[] Unlisted(string key) => File.ReadAllBytes(key);
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", """
            Resources:
              Download:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::App.Functions::Download
                  Events:
                    Get:
                      Type: Api
              Consume:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::App.Functions::Consume
                  Events:
                    Queue:
                      Type: SQS
            """));
        test.ExpectedDiagnostics.Add(Likely(0, "Download", "File.ReadAllBytes reads a whole file", ApiGateway, action: Paging));
        await test.RunAsync();
    }

    [Fact]
    public async Task Limits_and_severities_come_from_editorconfig()
    {
        var test = Test("""
            public class Small { [MaxLength(200)] public string Text { get; set; } = ""; }
            public class Functions
            {
                public Small {|#0:Get|}(ILambdaContext context) => new();
                public List<Order> {|#1:All|}(List<Order> orders, ILambdaContext context) => orders;
            }
            """).WithEditorConfig("""
            payloadgen.limit.sync = 1KB
            dotnet_diagnostic.PG0111.severity = warning
            """);
        test.ExpectedDiagnostics.Add(Possible(0, "Get", "Small.Text: string (at most 200 characters), up to 1,211 bytes of JSON", limit: "1,024").WithSeverity(DiagnosticSeverity.Warning));
        test.ExpectedDiagnostics.Add(Possible(1, "All", "List<Order> (no bound)", limit: "1,024").WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public async Task Pragma_SuppressMessage_and_severity_none_silence_the_rules()
    {
        var test = Test("""
            public class Functions
            {
            #pragma warning disable PG0101
                public byte[] Pragma(string key, ILambdaContext context) => File.ReadAllBytes(key);
            #pragma warning restore PG0101

                [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "PG0101:Handler response is likely to exceed its invocation limit", Justification = "files are small")]
                public byte[] Attribute(string key, ILambdaContext context) => File.ReadAllBytes(key);

                public List<Order> Info(List<Order> orders, ILambdaContext context) => orders;
            }
            """).WithEditorConfig("dotnet_diagnostic.PG0111.severity = none");
        await test.RunAsync();
    }

    [Theory]
    [InlineData("template.yaml", """
        Resources:
          BuildReport:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::App.Functions::Build
          Workflow:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: statemachine.asl.json
              DefinitionSubstitutions:
                BuildArn: !GetAtt BuildReport.Arn
        """)]
    [InlineData("serverless.template", """
        { "Resources": {
            "BuildReport": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "TestProject::App.Functions::Build" } },
            "Workflow": { "Type": "AWS::StepFunctions::StateMachine", "Properties": {
              "DefinitionString": { "Fn::Sub": "{ \"StartAt\": \"Build\", \"States\": { \"Build\": { \"Resource\": \"${BuildReport.Arn}\" } } }" } } } } }
        """)]
    [InlineData("serverless.template", """
        { "Resources": {
            "BuildReport": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "TestProject::App.Functions::Build" } },
            "Workflow": { "Type": "AWS::Serverless::StateMachine", "Properties": {
              "DefinitionSubstitutions": { "BuildArn": { "Fn::GetAtt": ["BuildReport", "Arn"] } } } } } }
        """)]
    public async Task Functions_a_state_machine_calls_are_held_to_the_Step_Functions_state_limit(string fileName, string template)
    {
        var test = Test("""
            namespace App
            {
                public class Summary2 { [MaxLength(100_000)] public string Text { get; set; } = ""; }
                public class Functions
                {
                    public Summary2 {|#0:Build|}(string id) => new();
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/" + fileName, template));
        test.ExpectedDiagnostics.Add(Possible(0, "Build", "Summary2.Text: string (at most 100,000 characters), up to 600,011 bytes of JSON", "Step Functions state", "262,144", "add [ClaimCheck] to offload large responses to S3")
            .WithArguments("Build", "Step Functions state", "262,144", "Summary2.Text: string (at most 100,000 characters), up to 600,011 bytes of JSON", "add [ClaimCheck] to offload large responses to S3"));
        await test.RunAsync();
    }
}
