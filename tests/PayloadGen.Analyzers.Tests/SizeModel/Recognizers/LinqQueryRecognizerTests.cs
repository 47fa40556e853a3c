using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class LinqQueryRecognizerTests
{
    private static FlowFindings Query(string query) => FlowProbe.Trace($$"""
        public class F
        {
            private readonly ShopDb _db = new();
            public async Task<object> Probe(int id) => {{query}};
        }
        """);

    [Fact]
    public void A_query_materialized_with_no_Take_names_the_operator_and_its_source()
    {
        Evidence evidence = Assert.Single(Query("await _db.Rows.Where(r => r.OwnerId == id).OrderBy(r => r.Name).ToListAsync()").Unbounded);

        Assert.Equal(EvidenceKind.MaterializedQuery, evidence.Kind);
        Assert.Equal(("ToListAsync", "_db.Rows"), (evidence.Detail, evidence.Subject));
    }

    [Theory]
    [InlineData("await _db.Rows.OrderBy(r => r.Name).Take(10).ToListAsync()", "BoundingOperator", "Take(10)")]
    [InlineData("await _db.Rows.Where(r => r.Id == id).ToListAsync()", "KeyLookup", "Row.Id")]
    [InlineData("(await _db.Rows.ToListAsync()).GroupBy(r => r.Id > 3).ToDictionary(g => g.Key, g => g.Count())", "SmallGroups", "a bool (2 groups)")]
    [InlineData("Enumerable.Range(1, 5).Select(i => new Row { Id = i }).ToArray()", "ConstantRange", "Enumerable.Range")]
    public void Bounding_operators_key_lookups_small_groups_and_constant_ranges_bound_the_result(string query, string kind, string detail)
    {
        FlowFindings findings = Query(query);

        Assert.Empty(findings.Unbounded);
        Assert.Contains(findings.Bounded, b => b.Kind.ToString() == kind && b.Detail == detail);
    }

    [Fact]
    public void An_operator_over_a_list_follows_the_list_to_its_origin()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly IDynamoDBContext _context = null!;
                public async Task<List<string>> Probe()
                {
                    List<Row> rows = await _context.ScanAsync<Row>(new List<ScanCondition>()).GetRemainingAsync();
                    return rows.Select(r => r.Name).Distinct().ToList();
                }
            }
            """);

        Assert.Equal(EvidenceKind.DrainedPages, Assert.Single(findings.Unbounded).Kind);
    }

    [Theory]
    [InlineData("_db.Rows.AsAsyncEnumerable()")]
    [InlineData("_db.Rows.Where(r => r.OwnerId == 3).AsAsyncEnumerable().WithCancellation(System.Threading.CancellationToken.None)")]
    [InlineData("_db.Rows.AsAsyncEnumerable().WithCancellation(System.Threading.CancellationToken.None).ConfigureAwait(false)")]
    public void Rows_streamed_with_AsAsyncEnumerable_into_a_list_are_every_row_of_the_query(string rows)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F
            {
                private readonly ShopDb _db = new();
                public async Task<List<Row>> Probe()
                {
                    var all = new List<Row>();
                    await foreach (var row in {{rows}})
                    {
                        all.Add(row);
                    }

                    return all;
                }
            }
            """);

        Evidence fill = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.LoopFill, fill.Kind);
        Assert.Equal(EvidenceKind.StreamedQuery, fill.Cause!.Kind);
        Assert.Equal(("AsAsyncEnumerable", "_db.Rows"), (fill.Cause.Detail, fill.Cause.Subject));
    }

    [Fact]
    public void A_Take_before_AsAsyncEnumerable_bounds_the_streamed_rows()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly ShopDb _db = new();
                public async Task<List<Row>> Probe()
                {
                    var page = new List<Row>();
                    await foreach (var row in _db.Rows.OrderBy(r => r.Id).Take(25).AsAsyncEnumerable().ConfigureAwait(false))
                    {
                        page.Add(row);
                    }

                    return page;
                }
            }
            """);

        Assert.Empty(findings.Unbounded);
        Assert.Contains(findings.Bounded, b => b.Kind == EvidenceKind.LoopOverBound && b.Cause is { Kind: EvidenceKind.BoundingOperator, Detail: "Take(25)" });
    }
}
