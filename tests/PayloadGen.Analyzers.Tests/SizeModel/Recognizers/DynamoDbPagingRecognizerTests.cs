using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class DynamoDbPagingRecognizerTests
{
    [Theory]
    [InlineData("_context.ScanAsync<Row>(new List<ScanCondition>())", "scan")]
    [InlineData("_context.ScanAsync<Row>(new List<ScanCondition>(), new DynamoDBOperationConfig { OverrideTableName = \"rows\" })", "scan")]
    [InlineData("_context.ScanAsync<Row>(new List<ScanCondition>(), new ScanConfig { IndexName = \"byOwner\" })", "scan")]
    [InlineData("_context.FromScanAsync<Row>(new ScanOperationConfig { Limit = 10 })", "scan")]
    [InlineData("_context.QueryAsync<Row>(\"owner\")", "query")]
    [InlineData("_context.FromQueryAsync<Row>(new QueryOperationConfig())", "query")]
    public void GetRemainingAsync_drains_every_page_whatever_page_size_the_config_sets(string search, string kind)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F
            {
                private readonly IDynamoDBContext _context = null!;
                public async Task<List<Row>> Probe() => await {{search}}.GetRemainingAsync();
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.DrainedPages, evidence.Kind);
        Assert.Equal(("GetRemainingAsync", kind), (evidence.Detail, evidence.Subject));
    }

    [Fact]
    public void A_document_model_table_scan_drained_is_unbounded()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                public async Task<List<Document>> Probe(Table table) => await table.Scan(new ScanOperationConfig()).GetRemainingAsync();
            }
            """);

        Assert.Equal(EvidenceKind.DrainedPages, Assert.Single(findings.Unbounded).Kind);
    }

    [Fact]
    public void One_page_and_one_item_are_bounds()
    {
        FlowFindings page = FlowProbe.Trace("""
            public class F
            {
                private readonly IDynamoDBContext _context = null!;
                public async Task<List<Row>> Probe() => await _context.QueryAsync<Row>("owner", new QueryConfig { Limit = 10 }).GetNextSetAsync();
            }
            """);
        FlowFindings item = FlowProbe.Trace("""
            public class F
            {
                private readonly IAmazonDynamoDB _dynamo = null!;
                public async Task<Dictionary<string, AttributeValue>> Probe() => (await _dynamo.GetItemAsync(new GetItemRequest())).Item;
            }
            """);

        Assert.Empty(page.Unbounded);
        Assert.Contains(page.Bounded, b => b.Kind == EvidenceKind.OnePage);
        Assert.Empty(item.Unbounded);
        Assert.Contains(item.Bounded, b => b.Kind == EvidenceKind.OneItem);
    }

    [Fact]
    public void A_LastEvaluatedKey_loop_that_adds_every_page_is_a_pagination_loop()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly IAmazonDynamoDB _dynamo = null!;
                public async Task<List<Dictionary<string, AttributeValue>>> Probe()
                {
                    var items = new List<Dictionary<string, AttributeValue>>();
                    Dictionary<string, AttributeValue>? start = null;
                    do
                    {
                        var page = await _dynamo.ScanAsync(new ScanRequest { ExclusiveStartKey = start });
                        items.AddRange(page.Items);
                        start = page.LastEvaluatedKey;
                    }
                    while (start is { Count: > 0 });
                    return items;
                }
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.PaginationLoop, evidence.Kind);
        Assert.Equal("items", evidence.Subject);
    }

    [Fact]
    public void Paging_calls_held_as_method_groups_mean_what_the_calls_mean()
    {
        FlowFindings drained = FlowProbe.Trace("""
            public class F
            {
                public async Task<List<Row>> Probe(IDynamoDBContext db)
                {
                    Func<System.Threading.CancellationToken, Task<List<Row>>> all = db.ScanAsync<Row>(new List<ScanCondition>()).GetRemainingAsync;
                    return await all(default);
                }
            }
            """);
        FlowFindings page = FlowProbe.Trace("""
            public class F
            {
                public async Task<List<Row>> Probe(IDynamoDBContext db)
                {
                    Func<System.Threading.CancellationToken, Task<List<Row>>> next = db.ScanAsync<Row>(new List<ScanCondition>()).GetNextSetAsync;
                    return await next(default);
                }
            }
            """);

        Evidence evidence = Assert.Single(drained.Unbounded);
        Assert.Equal(EvidenceKind.DrainedPages, evidence.Kind);
        Assert.Equal("search", evidence.Subject);
        Assert.Empty(page.Unbounded);
        Assert.Contains(page.Bounded, b => b.Kind == EvidenceKind.OnePage && b.Detail == "GetNextSetAsync");
    }
}
