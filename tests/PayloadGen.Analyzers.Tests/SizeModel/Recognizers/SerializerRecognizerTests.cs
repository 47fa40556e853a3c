using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class SerializerRecognizerTests
{
    [Theory]
    [InlineData("Newtonsoft.Json.JsonConvert.SerializeObject(rows)")]
    [InlineData("Newtonsoft.Json.JsonConvert.SerializeObject(rows, Newtonsoft.Json.Formatting.Indented)")]
    [InlineData("JsonSerializer.Serialize(rows)")]
    public void Newtonsoft_and_System_Text_Json_bodies_follow_the_value_and_record_its_type(string serialize)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F
            {
                private readonly ShopDb _db = new();
                public async Task<string> Probe()
                {
                    var rows = await _db.Rows.ToListAsync();
                    return {{serialize}};
                }
            }
            """);

        Assert.Equal(EvidenceKind.MaterializedQuery, Assert.Single(findings.Unbounded).Kind);
        Assert.Equal("List<Row>", JsonSizeModel.Display(Assert.Single(findings.SerializedTypes)));
    }

    [Fact]
    public void A_helper_that_serializes_its_parameter_lets_the_caller_name_the_arguments_type()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                public string Probe(List<Row> rows) => Json.Write(rows);
            }
            public static class Json
            {
                public static string Write(object value) => Newtonsoft.Json.JsonConvert.SerializeObject(value);
            }
            """);

        Assert.Equal("List<Row>", JsonSizeModel.Display(Assert.Single(findings.SerializedTypes)));
        Assert.DoesNotContain(findings.SerializedTypes, t => t.SpecialType == Microsoft.CodeAnalysis.SpecialType.System_Object);
        Assert.Empty(findings.Unbounded);
    }

    [Fact]
    public void A_Newtonsoft_JToken_built_from_a_value_and_written_with_ToString_carries_the_value()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly IDynamoDBContext _context = null!;
                public async Task<string> Probe()
                {
                    List<Row> all = await _context.ScanAsync<Row>(new List<ScanCondition>()).GetRemainingAsync();
                    return Newtonsoft.Json.Linq.JArray.FromObject(all).ToString(Newtonsoft.Json.Formatting.None);
                }
            }
            """);

        Assert.Equal(EvidenceKind.DrainedPages, Assert.Single(findings.Unbounded).Kind);
        Assert.Equal("List<Row>", JsonSizeModel.Display(Assert.Single(findings.SerializedTypes)));
    }

    [Theory]
    [InlineData("private static readonly Func<object, string> Serialize = Newtonsoft.Json.JsonConvert.SerializeObject;", "Serialize(rows)")]
    [InlineData("private readonly Func<List<Row>, JsonSerializerOptions?, string> Serialize = JsonSerializer.Serialize;", "Serialize(rows, null)")]
    public void A_serializer_held_as_a_static_method_group_serializes_the_delegate_calls_argument(string field, string call)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F
            {
                {{field}}
                private readonly ShopDb _db = new();
                public async Task<string> Probe()
                {
                    var rows = await _db.Rows.ToListAsync();
                    return {{call}};
                }
            }
            """);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.MaterializedQuery, evidence.Kind);
        Assert.Equal("Serialize()", Assert.Single(evidence.Path.Steps).Text);
        Assert.Equal("List<Row>", JsonSizeModel.Display(Assert.Single(findings.SerializedTypes)));
    }
}
