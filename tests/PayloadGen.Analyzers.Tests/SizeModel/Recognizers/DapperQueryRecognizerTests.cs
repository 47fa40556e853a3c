using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class DapperQueryRecognizerTests
{
    [Theory]
    [InlineData("(await _db.QueryAsync<Row>(\"SELECT * FROM Rows\")).ToList()", "QueryAsync", "SELECT * FROM Rows")]
    [InlineData("_db.Query<Row>(\"select id, name from rows where owner_id = @owner\", new { owner = 1 }).ToList()", "Query", "select id, name from rows where owner_id = @owner")]
    [InlineData("(await _db.QueryAsync<Row>(new CommandDefinition(\"SELECT * FROM Rows WHERE OwnerId = @OwnerId\"))).AsList()", "QueryAsync", "SELECT * FROM Rows WHERE OwnerId = @OwnerId")]
    [InlineData("(await _db.QueryAsync<Row>($\"SELECT * FROM {Table}\")).ToList()", "QueryAsync", "SELECT * FROM ?")]
    public void A_select_with_no_row_limit_returns_every_row(string query, string api, string sql)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public static class DapperLists { public static List<T> AsList<T>(this IEnumerable<T> rows) => rows.ToList(); }
            public class F
            {
                private static readonly string Table = Environment.GetEnvironmentVariable("TABLE") ?? "Rows";
                private readonly IDbConnection _db = null!;
                public async Task<List<Row>> Probe() => {{query}};
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.SqlQuery, evidence.Kind);
        Assert.Equal((api, sql), (evidence.Detail, evidence.Subject.Trim()));
    }

    [Fact]
    public void The_sql_of_a_local_written_once_is_read()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly IDbConnection _db = null!;
                public async Task<IEnumerable<Row>> Probe()
                {
                    var sql = @"
                        SELECT r.Id, r.Name
                        FROM Rows r
                        ORDER BY r.Name";
                    return await _db.QueryAsync<Row>(sql);
                }
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.SqlQuery, evidence.Kind);
        Assert.Equal("SELECT r.Id, r.Name FROM Rows r ORDER BY r.Name", evidence.Subject);
    }

    [Theory]
    [InlineData("SELECT TOP 20 * FROM Rows", "TOP 20")]
    [InlineData("SELECT TOP (@take) * FROM Rows", "TOP (@take)")]
    [InlineData("SELECT * FROM rows ORDER BY id LIMIT @pageSize OFFSET @offset", "LIMIT @pageSize")]
    [InlineData("SELECT * FROM Rows ORDER BY Id OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY", "FETCH NEXT @Take ROWS ONLY")]
    [InlineData("SELECT * FROM rows WHERE ROWNUM <= 50", "ROWNUM <= 50")]
    [InlineData("SELECT * FROM Rows WHERE Id = @Id", "WHERE Id =")]
    [InlineData("SELECT * FROM Rows r WHERE r.RowId = @id AND r.Deleted = 0", "WHERE RowId =")]
    [InlineData("SELECT COUNT(*) AS Total, MAX(Id) FROM Rows", "one aggregate row")]
    public void A_row_limit_a_key_lookup_or_a_lone_aggregate_bounds_the_rows(string sql, string bound)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F
            {
                private readonly IDbConnection _db = null!;
                public async Task<IEnumerable<Row>> Probe() => await _db.QueryAsync<Row>("{{sql}}");
            }
            """);

        Assert.Empty(findings.Unbounded);
        Evidence evidence = Assert.Single(findings.Bounded, b => b.Kind == EvidenceKind.SqlRowLimit);
        Assert.Equal(bound, evidence.Detail);
    }

    [Theory]
    [InlineData("SELECT * FROM Rows WHERE OwnerId = @OwnerId")]
    [InlineData("SELECT * FROM Rows WHERE Id = @Id OR Name = @Name")]
    [InlineData("SELECT * FROM Rows WHERE Id IN @Ids")]
    [InlineData("SELECT Name, COUNT(*) FROM Rows GROUP BY Name")]
    public void A_foreign_key_a_widened_lookup_or_a_grouped_aggregate_is_not_a_bound(string sql)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F
            {
                private readonly IDbConnection _db = null!;
                public async Task<IEnumerable<Row>> Probe() => await _db.QueryAsync<Row>("{{sql}}");
            }
            """);

        Assert.Equal(EvidenceKind.SqlQuery, Assert.Single(findings.Unbounded).Kind);
    }

    [Fact]
    public void QueryFirst_and_QuerySingle_return_one_row()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly IDbConnection _db = null!;
                public async Task<Row> Probe() => await _db.QuerySingleAsync<Row>("SELECT * FROM Rows WHERE OwnerId = @o");
            }
            """);

        Assert.Empty(findings.Unbounded);
        Assert.Equal("QuerySingleAsync()", Assert.Single(findings.Bounded, b => b.Kind == EvidenceKind.BoundingOperator).Detail);
    }

    [Theory]
    [InlineData("string sql")]
    [InlineData("string table")]
    public void Sql_the_code_does_not_show_proves_nothing(string parameter)
    {
        // A statement passed in, or a procedure: the rows' type decides, as for any collection.
        string sql = parameter == "string sql" ? "sql" : "\"EXEC dbo.\" + table";
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F
            {
                private readonly IDbConnection _db = null!;
                public async Task<IEnumerable<Row>> Probe({{parameter}}) => await _db.QueryAsync<Row>({{sql}});
            }
            """);

        Assert.Empty(findings.Unbounded);
        Assert.DoesNotContain(findings.Bounded, b => b.Kind == EvidenceKind.SqlRowLimit);
    }

    [Fact]
    public void A_local_written_twice_is_not_guessed()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly IDbConnection _db = null!;
                public async Task<IEnumerable<Row>> Probe(bool all)
                {
                    var sql = "SELECT TOP 10 * FROM Rows";
                    if (all) sql = "SELECT * FROM Rows";
                    return await _db.QueryAsync<Row>(sql);
                }
            }
            """);

        Assert.DoesNotContain(findings.Unbounded, e => e.Kind == EvidenceKind.SqlQuery);
        Assert.DoesNotContain(findings.Bounded, b => b.Kind == EvidenceKind.SqlRowLimit);
    }
}
