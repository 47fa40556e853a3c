using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class TextBuilderRecognizerTests
{
    [Fact]
    public void String_Join_over_an_unbounded_query_carries_the_query_and_not_the_separator()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly ShopDb _db = new();
                public async Task<string> Probe() => string.Join(",", await _db.Rows.Select(r => r.Name).ToListAsync());
            }
            """);

        Assert.Equal(EvidenceKind.MaterializedQuery, Assert.Single(findings.Unbounded).Kind);
        Assert.Equal(0, findings.ConstantBytes);
    }

    [Fact]
    public void A_StringBuilder_filled_in_a_loop_over_an_unbounded_query_is_a_loop_fill_with_the_query_as_cause()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly ShopDb _db = new();
                public async Task<string> Probe()
                {
                    var csv = new StringBuilder("id,name\n");
                    foreach (Row row in await _db.Rows.ToListAsync())
                    {
                        csv.Append(row.Id).Append(',').AppendLine(row.Name);
                    }

                    return csv.ToString();
                }
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.LoopFill, evidence.Kind);
        Assert.Equal("csv", evidence.Subject);
        Assert.Equal(EvidenceKind.MaterializedQuery, evidence.Cause?.Kind);
        Assert.Equal("a loop fills 'csv' item by item (ToListAsync() materializes a query over '_db.Rows' with no Take)", FlowProbe.Reason(findings));
    }

    [Fact]
    public void String_Concat_of_a_whole_file_is_unbounded()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F { public string Probe(string path) => string.Concat("<pre>", File.ReadAllText(path), "</pre>"); }
            """);

        Assert.Equal(EvidenceKind.WholeFile, Assert.Single(findings.Unbounded).Kind);
    }
}
