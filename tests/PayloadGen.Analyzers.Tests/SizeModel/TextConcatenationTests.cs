using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel;

/// <summary>The tracer's reading of the language's own text building: <c>+</c> on strings and interpolated strings.</summary>
public class TextConcatenationTests
{
    private static FlowFindings Text(string expression) => FlowProbe.Trace($$"""
        public class F
        {
            private readonly ShopDb _db = new();
            public async Task<string> Probe()
            {
                var rows = await _db.Rows.ToListAsync();
                var page = await _db.Rows.Take(10).ToListAsync();
                return {{expression}};
            }
        }
        """);

    [Theory]
    [InlineData("\"[\" + string.Join(\",\", rows.Select(r => r.Name)) + \"]\"")]
    [InlineData("$\"{{\\\"rows\\\":{JsonSerializer.Serialize(rows)}}}\"")]
    [InlineData("\"total: \" + rows.Count + \"; \" + JsonSerializer.Serialize(rows)")]
    public void Text_joined_with_plus_or_interpolated_carries_its_text_parts(string expression)
    {
        Assert.Equal(EvidenceKind.MaterializedQuery, Assert.Single(Text(expression).Unbounded).Kind);
    }

    [Theory]
    [InlineData("\"rows: \" + rows")]
    [InlineData("$\"rows: {rows} ({rows.Count})\"")]
    public void A_list_in_text_is_written_by_its_ToString_and_carries_nothing(string expression)
    {
        Assert.Empty(Text(expression).Unbounded);
    }

    [Fact]
    public void Text_around_a_bounded_page_keeps_the_pages_bound()
    {
        FlowFindings findings = Text("\"[\" + string.Join(\",\", page.Select(r => r.Name)) + \"]\"");

        Assert.Empty(findings.Unbounded);
        Assert.Contains(findings.Bounded, b => b.Kind == EvidenceKind.BoundingOperator && b.Detail == "Take(10)");
    }
}
