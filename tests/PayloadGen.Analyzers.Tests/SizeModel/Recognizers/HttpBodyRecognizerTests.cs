using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class HttpBodyRecognizerTests
{
    [Fact]
    public void Results_Ok_follows_its_value_and_records_its_type()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly ShopDb _db = new();
                public async Task<IResult> Probe() => Results.Ok(await _db.Rows.ToListAsync());
            }
            """);

        Assert.Equal(EvidenceKind.MaterializedQuery, Assert.Single(findings.Unbounded).Kind);
        Assert.Equal("List<Row>", JsonSizeModel.Display(Assert.Single(findings.SerializedTypes)));
    }

    [Theory]
    [InlineData("Results.Stream(File.OpenRead(path))")]
    [InlineData("Results.Redirect(File.ReadAllText(path))")]
    public void A_stream_result_and_a_redirect_carry_no_body(string result)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F { public IResult Probe(string path) => {{result}}; }
            """);

        Assert.Empty(findings.Unbounded);
    }

    [Fact]
    public void A_proxy_response_follows_only_its_Body()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                public APIGatewayProxyResponse Probe(string path) => new APIGatewayProxyResponse
                {
                    StatusCode = 200,
                    Headers = File.ReadAllLines(path).ToDictionary(l => l, l => l),
                    Body = File.ReadAllText(path),
                };
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal("File.ReadAllText", evidence.Detail);
        Assert.Equal("APIGatewayProxyResponse.Body \u2190 File.ReadAllText reads a whole file", FlowProbe.Reason(findings));
    }
}
