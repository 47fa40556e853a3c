using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class EntitySetRecognizerTests
{
    private static FlowFindings Body(string body) => FlowProbe.Trace($$"""
        public class F
        {
            private readonly ShopDb _db = new();
            public async Task<object?> Probe(int id)
            {
                await Task.Yield();
                {{body}}
            }
        }
        """);

    [Theory]
    [InlineData("return _db.Rows;")]
    [InlineData("return JsonSerializer.Serialize(_db.Rows);")]
    [InlineData("var all = new List<Row>(); foreach (var row in _db.Rows) { all.Add(row); } return all;")]
    public void A_DbSet_read_as_a_value_is_every_row_of_its_table(string body)
    {
        Evidence evidence = Assert.Single(Body(body).Unbounded);
        Evidence root = evidence.Cause ?? evidence;

        Assert.Equal((EvidenceKind.EntitySet, "_db.Rows"), (root.Kind, root.Subject));
    }

    [Theory]
    [InlineData("return await _db.Rows.FindAsync(id);")]
    [InlineData("return _db.Rows.Where(r => r.Id == id).ToList();")]
    [InlineData("return await _db.Rows.OrderBy(r => r.Id).Take(20).ToListAsync();")]
    [InlineData("var page = new List<Row>(); foreach (var row in _db.Rows.Take(10)) { page.Add(row); } return page;")]
    [InlineData("return await _db.Rows.CountAsync();")]
    [InlineData("return _db.Rows.ElementType.Name;")]
    public void Under_an_operator_or_a_lookup_the_set_is_not_read_whole(string body)
    {
        Assert.Empty(Body(body).Unbounded);
    }
}
