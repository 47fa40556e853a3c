using System.Linq;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel;

/// <summary>The JSON-contract reader the size model and the generator's bare-pointer check share.</summary>
public class JsonContractTests
{
    private static JsonMember[] Members(string declarations)
    {
        Compilation compilation = FlowProbe.Compile(declarations);
        return new JsonContract(SizeSymbols.For(compilation)).DataMembers(compilation.GetTypeByMetadataName("T")!).ToArray();
    }

    [Fact]
    public void Ignore_conditions_are_read_by_enum_member_name()
    {
        JsonMember[] members = Members("""
            public class T
            {
                [JsonIgnore] public string A { get; set; } = "";
                [JsonIgnore(Condition = JsonIgnoreCondition.Always)] public string B { get; set; } = "";
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? C { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int D { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string E { get; set; } = "";
                public string F { get; set; } = "";
            }
            """);

        Assert.Equal(
            ["A:Always", "B:Always", "C:WhenWriting", "D:WhenWriting", "E:None", "F:None"],
            members.Select(m => m.Symbol.Name + ":" + m.Ignore).ToArray());
    }

    [Fact]
    public void Names_inclusion_extension_data_and_inherited_members_are_reported_most_derived_first()
    {
        JsonMember[] members = Members("""
            public class B { public string Key { get; set; } = ""; }
            public class T : B
            {
                [JsonPropertyName("bucket")] public string Name { get; set; } = "";
                [JsonInclude] internal int Hidden { get; set; }
                [JsonExtensionData] public System.Collections.Generic.Dictionary<string, object>? Extra { get; set; }
                public static int Ignored { get; set; }
                public int field;
            }
            """);

        Assert.Equal(["bucket", "Hidden", "Extra", "field", "Key"], members.Select(m => m.JsonName).ToArray());
        Assert.True(members.Single(m => m.JsonName == "Hidden").IsIncluded);
        Assert.True(members.Single(m => m.JsonName == "Extra").IsExtensionData);
        Assert.True(members.Single(m => m.JsonName == "field").IsField);
    }
}
