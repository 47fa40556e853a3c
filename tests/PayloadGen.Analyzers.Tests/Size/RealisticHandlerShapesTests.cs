using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;
using static PayloadGen.Analyzers.Tests.Infrastructure.ResponseDiagnostics;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// One test per false positive or negative the realistic corpus (Corpus/*.cs.txt, docs/rules/precision.md) exposed:
/// what really bounds a result (key lookups, enum groups, one item, one page, an event's own data) and what really
/// accumulates one (loops over unbounded queries, StringBuilder exports), and the handler shapes of executable
/// assemblies and minimal APIs on Lambda hosting.
/// </summary>
public class RealisticHandlerShapesTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;

        """;

    private const string Model = """

        public enum LineState { Open, Shipped, Cancelled }
        public class Line { public int LineId { get; set; } public int OrderId { get; set; } public string Sku { get; set; } = ""; public LineState State { get; set; } }
        public class Parcel { public string Id { get; set; } = ""; public List<Line> Lines { get; set; } = []; }
        public record LineDto(string Sku);
        public class ShopDb : DbContext { public DbSet<Line> Lines { get; set; } = null!; public DbSet<Parcel> Parcels { get; set; } = null!; }
        """;

    private const string QueryOverLines = "ToListAsync() materializes a query over '_db.Lines' with no Take";

    private static PayloadGenAnalyzerTest<ResponseSizeAnalyzer> Test(string functions) =>
        new() { TestCode = Usings + functions + Model };

    [Fact]
    public async Task Where_on_the_entity_key_is_bounded_but_a_foreign_key_is_not()
    {
        var test = Test("""
            public class Functions
            {
                private readonly ShopDb _db = new();

                public async Task<List<Line>> ById(int lineId, ILambdaContext context) =>
                    await _db.Lines.Where(l => l.LineId == lineId).ToListAsync();

                public async Task<List<Parcel>> ParcelById(string id, ILambdaContext context) =>
                    await _db.Parcels.Where(p => id == p.Id && p.Lines.Count > 0).ToListAsync();

                public async Task<List<Line>> {|#0:ForOrder|}(int orderId, ILambdaContext context) =>
                    await _db.Lines.Where(l => l.OrderId == orderId).ToListAsync();
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "ForOrder", QueryOverLines));
        await test.RunAsync();
    }

    [Fact]
    public async Task GroupBy_an_enum_or_bool_is_bounded_but_GroupBy_a_string_is_not()
    {
        var test = Test("""
            public class Functions
            {
                private readonly ShopDb _db = new();

                public async Task<Dictionary<LineState, int>> ByState(ILambdaContext context) =>
                    (await _db.Lines.ToListAsync()).GroupBy(l => l.State).ToDictionary(g => g.Key, g => g.Count());

                public async Task<List<int>> ByShipped(ILambdaContext context) =>
                    await _db.Lines.GroupBy(l => l.State == LineState.Shipped).Select(g => g.Count()).ToListAsync();

                public async Task<Dictionary<string, int>> {|#0:BySku|}(ILambdaContext context) =>
                    (await _db.Lines.ToListAsync()).GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Count());
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "BySku", QueryOverLines));
        await test.RunAsync();
    }

    [Fact]
    public async Task One_element_of_a_list_and_a_pattern_declared_single_row_are_not_the_list()
    {
        var test = Test("""
            public class Functions
            {
                private readonly ShopDb _db = new();

                public async Task<Line> First(int orderId, ILambdaContext context)
                {
                    var lines = await _db.Lines.Where(l => l.OrderId == orderId).ToListAsync();
                    return lines[0];
                }

                public async Task<Parcel?> Parcel(string id, ILambdaContext context) =>
                    await _db.Parcels.Where(p => p.Id == id).FirstOrDefaultAsync() is { } parcel ? parcel : null;
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task One_DynamoDB_item_and_one_S3_listing_page_are_bounded()
    {
        var test = Test("""
            public class Functions
            {
                private readonly IAmazonDynamoDB _dynamo = null!;
                private readonly IDynamoDBContext _context = null!;
                private readonly IAmazonS3 _s3 = null!;

                public async Task<Dictionary<string, AttributeValue>> Item(string id, ILambdaContext context)
                {
                    GetItemResponse response = await _dynamo.GetItemAsync(new GetItemRequest { TableName = "parcels" });
                    return response.Item;
                }

                public async Task<Parcel> Load(string id, ILambdaContext context) => await _context.LoadAsync<Parcel>(id);

                public async Task<List<string>> Keys(ILambdaContext context)
                {
                    var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "parcels", MaxKeys = 100 });
                    return page.S3Objects.Select(o => o.Key).ToList();
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_loop_that_fills_a_list_or_a_StringBuilder_from_an_unbounded_query_is_likely()
    {
        var test = Test("""
            public class Functions
            {
                private readonly ShopDb _db = new();

                public async Task<List<LineDto>> {|#0:All|}(ILambdaContext context)
                {
                    var result = new List<LineDto>();
                    foreach (var line in await _db.Lines.ToListAsync())
                    {
                        result.Add(new LineDto(line.Sku));
                    }

                    return result;
                }

                public async Task<string> {|#1:Csv|}(ILambdaContext context)
                {
                    var csv = new StringBuilder("sku\n");
                    var lines = await _db.Lines.ToListAsync();
                    foreach (var line in lines)
                    {
                        csv.Append(line.Sku).AppendLine();
                    }

                    return csv.ToString();
                }

                public async Task<List<LineDto>> Latest(ILambdaContext context)
                {
                    var result = new List<LineDto>();
                    foreach (var line in await _db.Lines.OrderByDescending(l => l.LineId).Take(10).ToListAsync())
                    {
                        result.Add(new LineDto(line.Sku));
                    }

                    return result;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "All", "a loop fills 'result' item by item (" + QueryOverLines + ")"));
        test.ExpectedDiagnostics.Add(Likely(1, "Csv", "a loop fills 'csv' item by item (" + QueryOverLines + ")"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_dictionary_of_lists_filled_in_a_loop_over_an_unbounded_query_is_likely()
    {
        var test = Test("""
            public class Functions
            {
                private readonly ShopDb _db = new();

                public async Task<Dictionary<int, List<Line>>> {|#0:ByOrder|}(ILambdaContext context)
                {
                    var byOrder = new Dictionary<int, List<Line>>();
                    foreach (Line line in await _db.Lines.ToListAsync())
                    {
                        byOrder[line.OrderId] = byOrder.GetValueOrDefault(line.OrderId) ?? [];
                        byOrder[line.OrderId].Add(line);
                    }

                    return byOrder;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "ByOrder", "a loop fills 'byOrder' item by item (" + QueryOverLines + ")"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Local_functions_and_lambdas_bound_by_LambdaBootstrapBuilder_are_handlers()
    {
        var test = Test("""
            public static class Bootstrap
            {
                public static async Task RunAsync(ShopDb _db)
                {
                    async Task<List<Line>> {|#0:Handler|}(string input, ILambdaContext context) => await _db.Lines.ToListAsync();
                    await LambdaBootstrapBuilder.Create<string, List<Line>>(Handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                    Func<string, ILambdaContext, Task<List<Line>>> lambda = async (input, context) {|#1:=>|} await _db.Lines.ToListAsync();
                    await LambdaBootstrapBuilder.Create(lambda, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                    Func<string, ILambdaContext, Task<List<Line>>> small = async (input, context) => await _db.Lines.Take(10).ToListAsync();
                    await LambdaBootstrapBuilder.Create(small, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                    Func<string, Task<List<Line>>> notAHandler = async input => await _db.Lines.ToListAsync();
                    await notAHandler("x");

                    // Handlers that take only the request: the bootstrap call is what makes them handlers.
                    async Task<List<Line>> {|#2:RequestOnly|}(string input) => await _db.Lines.ToListAsync();
                    await LambdaBootstrapBuilder.Create<string, List<Line>>(RequestOnly, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                    var requestLambda = async (string input) {|#3:=>|} await _db.Lines.ToListAsync();
                    await LambdaBootstrapBuilder.Create(requestLambda, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                    var requestPage = async (string input) => await _db.Lines.Take(10).ToListAsync();
                    await LambdaBootstrapBuilder.Create(requestPage, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                    var unbound = async (string input) => await _db.Lines.ToListAsync();
                    await unbound("x");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Handler", QueryOverLines, action: UseClaimCheckSerializer));
        test.ExpectedDiagnostics.Add(Likely(1, "the lambda in RunAsync", QueryOverLines, action: UseClaimCheckSerializer));
        test.ExpectedDiagnostics.Add(Likely(2, "RequestOnly", QueryOverLines, action: UseClaimCheckSerializer));
        test.ExpectedDiagnostics.Add(Likely(3, "the lambda in RunAsync", QueryOverLines, action: UseClaimCheckSerializer));
        await test.RunAsync();
    }

    [Fact]
    public async Task Minimal_API_endpoints_on_Lambda_hosting_are_API_Gateway_handlers()
    {
        var test = Test("""
            public static class Endpoints
            {
                public static void Map(WebApplication app, ShopDb _db)
                {
                    app.MapGet("/lines", async () {|#0:=>|} await _db.Lines.ToListAsync());
                    app.MapGet("/lines/{id}", async (int id) => Results.Ok(await _db.Lines.Where(l => l.LineId == id).ToListAsync()));
                    app.MapGet("/file", () {|#1:=>|} Results.File(File.ReadAllBytes("/tmp/report.pdf"), "application/pdf"));
                    app.MapGet("/stream", () => Results.Stream(File.OpenRead("/tmp/report.pdf"), "application/pdf"));
                    app.MapGet("/", () => "ok");
                    app.MapGet("/forecast", () => Enumerable.Range(1, 5).Select(i => new LineDto("sku" + i)).ToArray());
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "the lambda in Map", QueryOverLines, ApiGateway, action: Paging));
        test.ExpectedDiagnostics.Add(Likely(1, "the lambda in Map", "File.ReadAllBytes reads a whole file", ApiGateway, action: Paging));
        await test.RunAsync();
    }

    [Fact]
    public async Task Controller_actions_on_Lambda_hosting_are_API_Gateway_handlers()
    {
        var test = Test("""
            public class LinesController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                private readonly ShopDb _db = new();

                public async Task<Microsoft.AspNetCore.Mvc.IActionResult> {|#0:All|}() => Ok(await _db.Lines.ToListAsync());

                public async Task<Microsoft.AspNetCore.Mvc.ActionResult<List<Line>>> {|#1:Shipped|}() =>
                    await _db.Lines.Where(l => l.State == LineState.Shipped).ToListAsync();

                public async Task<Microsoft.AspNetCore.Mvc.ActionResult<List<Line>>> Latest() =>
                    await _db.Lines.OrderByDescending(l => l.LineId).Take(20).ToListAsync();

                public Microsoft.AspNetCore.Mvc.IActionResult Stream() => File(System.IO.File.OpenRead("/tmp/lines.csv"), "text/csv");

                [Microsoft.AspNetCore.Mvc.NonAction]
                public async Task<List<Line>> Helper() => await _db.Lines.ToListAsync();
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "All", QueryOverLines, ApiGateway, action: Paging));
        test.ExpectedDiagnostics.Add(Likely(1, "Shipped", QueryOverLines, ApiGateway, action: Paging));
        await test.RunAsync();
    }

    [Fact]
    public async Task Data_taken_from_the_incoming_event_is_bounded_by_its_source()
    {
        var test = new PayloadGenAnalyzerTest<MessageSizeAnalyzer>
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.EventBridge;
                using Amazon.EventBridge.Model;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.DynamoDBEvents;

                public class Functions
                {
                    private readonly IAmazonEventBridge _events = null!;

                    public async Task Project(DynamoDBEvent evnt, ILambdaContext context)
                    {
                        foreach (var record in evnt.Records)
                        {
                            await _events.PutEventsAsync(new PutEventsRequest
                            {
                                Entries = new List<PutEventsRequestEntry> { new() { Source = "shop", Detail = JsonSerializer.Serialize(record.Dynamodb.NewImage) } },
                            });
                        }
                    }
                }
                """,
        };
        await test.RunAsync();
    }
}
