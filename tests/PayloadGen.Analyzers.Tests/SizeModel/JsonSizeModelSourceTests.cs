using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel;

/// <summary>Size-model behaviour on shapes that are easier to write as source: deep graphs, extension data, converters.</summary>
public class JsonSizeModelSourceTests
{
    private static (JsonSizeModel Model, Compilation Compilation) Compile(string source)
    {
        Compilation compilation = CSharpCompilation.Create(
            "Probe",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return (new JsonSizeModel(SizeSymbols.For(compilation)), compilation);
    }

    [Fact]
    public void Graphs_deeper_than_the_serializer_allows_end_in_an_unknown_bound_without_overflowing()
    {
        var source = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            source.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"public class C{i} {{ public int Value {{ get; set; }} public C{i + 1}? Next {{ get; set; }} }}");
        }

        source.AppendLine("public class C200 { public int Value { get; set; } }");
        (JsonSizeModel model, Compilation compilation) = Compile(source.ToString());

        SizeEstimate estimate = model.Estimate(compilation.GetTypeByMetadataName("C0")!);

        Assert.False(estimate.Range.IsBounded);
        Assert.False(estimate.GrowsWithData);
    }

    [Fact]
    public void Extension_data_custom_converters_and_object_are_unbounded_but_not_growing_with_data()
    {
        (JsonSizeModel model, Compilation compilation) = Compile("""
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            public class Loose
            {
                [JsonExtensionData] public Dictionary<string, JsonElement> Extra { get; set; } = new();
                public object? Anything { get; set; }
                [JsonConverter(typeof(MyConverter))] public List<int> Custom { get; set; } = new();
            }
            public class MyConverter : JsonConverter<List<int>>
            {
                public override List<int> Read(ref Utf8JsonReader reader, System.Type t, JsonSerializerOptions o) => new();
                public override void Write(Utf8JsonWriter writer, List<int> value, JsonSerializerOptions o) { }
            }
            """);

        SizeEstimate estimate = model.Estimate(compilation.GetTypeByMetadataName("Loose")!);

        Assert.False(estimate.Range.IsBounded);
        Assert.Equal(GrowthKind.Unknown, estimate.Kind);
        Assert.False(estimate.GrowsWithData);
    }

    [Fact]
    public void Dictionaries_of_binary_values_explain_the_value_chain()
    {
        (JsonSizeModel model, Compilation compilation) = Compile("""
            using System.Collections.Generic;
            public class Attachments { public Dictionary<string, Blob> ByName { get; set; } = new(); }
            public class Blob { public byte[] Data { get; set; } = []; }
            """);
        ITypeSymbol type = compilation.GetTypeByMetadataName("Attachments")!;

        SizeEstimate estimate = model.Estimate(type);

        Assert.Equal(GrowthKind.Binary, estimate.Kind);
        Assert.Equal("Attachments.ByName: Dictionary<string, Blob> (no bound) \u2192 Blob.Data: byte[]", SizeChainRenderer.Describe(type, estimate));
    }

    [Fact]
    public void Required_members_count_towards_the_minimum_only_when_not_nullable()
    {
        (JsonSizeModel model, Compilation compilation) = Compile("""
            using System.Text.Json.Serialization;
            public class Strict { public required string Name { get; init; } [JsonRequired] public string Code { get; set; } = ""; public required string? Maybe { get; init; } }
            """);

        SizeEstimate estimate = model.Estimate(compilation.GetTypeByMetadataName("Strict")!);

        // {"Name":"","Code":""} — Maybe may be null and omitted.
        Assert.Equal(21, estimate.Range.Min);
    }

    [Fact]
    public void Dense_entity_graphs_are_estimated_in_linear_time()
    {
        // Thirty entities that all navigate to each other, as EF models do: path enumeration would never end.
        var source = new StringBuilder("using System.Collections.Generic;\n");
        for (int i = 0; i < 30; i++)
        {
            source.Append(System.Globalization.CultureInfo.InvariantCulture, $"public class E{i} {{ public int Id {{ get; set; }}");
            for (int j = 0; j < 30; j++)
            {
                source.Append(System.Globalization.CultureInfo.InvariantCulture, $" public E{j}? To{j} {{ get; set; }}");
            }

            source.AppendLine(" }");
        }

        (JsonSizeModel model, Compilation compilation) = Compile(source.ToString());
        var watch = System.Diagnostics.Stopwatch.StartNew();

        SizeEstimate estimate = model.Estimate(compilation.GetTypeByMetadataName("E0")!);

        Assert.False(estimate.Range.IsBounded);
        Assert.True(watch.Elapsed < System.TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
