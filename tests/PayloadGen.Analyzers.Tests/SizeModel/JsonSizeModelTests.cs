using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Analyzers.Tests.SizeModel.Samples;
using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel;

/// <summary>Holds the size model to what System.Text.Json really writes.</summary>
public class JsonSizeModelTests
{
    private static readonly JsonSerializerOptions NullsWritten = new();
    private static readonly JsonSerializerOptions NullsOmitted = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly Lazy<Compilation> SampleCompilation = new(() => CSharpCompilation.Create(
        "SizeModelProbe",
        references: TestReferences.Framework.Add(MetadataReference.CreateFromFile(typeof(Scalars).Assembly.Location))));

    private static readonly Type[] Bounded =
    [
        typeof(Scalars), typeof(BoundedText), typeof(Bytes), typeof(Point), typeof(Samples.Bounded), typeof(Renamed),
        typeof(Derived), typeof(ShapeHolder), typeof(Square), typeof(Mixed),
    ];

    public static TheoryData<Type> BoundedTypes => new(Bounded);

    public static TheoryData<Type> AllTypes => new(Bounded.Concat([typeof(Report), typeof(Row), typeof(Node), typeof(Counts)]));

    [Theory]
    [MemberData(nameof(BoundedTypes))]
    public void Maximum_is_the_size_of_the_worst_case_instance(Type type)
    {
        SizeEstimate estimate = Estimate(type);
        int worst = Size(InstanceBuilder.Worst(type), type, NullsWritten);

        Assert.True(estimate.Range.IsBounded, $"{type.Name}: expected a bounded estimate, got {estimate.Range}");
        Assert.Equal(estimate.Range.Max, worst);
    }

    [Theory]
    [MemberData(nameof(BoundedTypes))]
    public void Minimum_is_the_size_of_the_smallest_instance_with_nulls_omitted(Type type)
    {
        SizeEstimate estimate = Estimate(type);
        int smallest = Size(InstanceBuilder.Smallest(type), type, NullsOmitted);

        Assert.True(estimate.Range.Min <= smallest, $"{type.Name}: model minimum {estimate.Range.Min} exceeds real {smallest}");
        Assert.True(smallest - estimate.Range.Min <= 24, $"{type.Name}: model minimum {estimate.Range.Min} is far below real {smallest}");
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Random_instances_stay_within_the_range_with_either_null_handling(Type type)
    {
        SizeEstimate estimate = Estimate(type);
        var random = new Random(4242);
        for (int i = 0; i < 200; i++)
        {
            object instance = InstanceBuilder.Random(type, random);
            foreach (JsonSerializerOptions options in new[] { NullsWritten, NullsOmitted })
            {
                int size = Size(instance, type, options);
                Assert.True(
                    estimate.Range.Min <= size && size <= estimate.Range.Max,
                    $"{type.Name}: {size} bytes outside {estimate.Range}: {JsonSerializer.Serialize(instance, type, options)}");
            }
        }
    }

    [Fact]
    public void Unbounded_collection_of_binary_is_explained_by_its_chain()
    {
        SizeEstimate estimate = Estimate(typeof(Report));

        Assert.False(estimate.Range.IsBounded);
        Assert.Equal(GrowthKind.Binary, estimate.Kind);
        Assert.True(estimate.GrowsWithData);
        Assert.Equal("Report.Rows: List<Row> (no bound) \u2192 Row.Attachment: byte[]", Describe(typeof(Report), estimate));
    }

    [Fact]
    public void Root_collections_and_dictionaries_name_themselves_first()
    {
        Assert.Equal("List<Row> (no bound) \u2192 Row.Attachment: byte[]", Describe(typeof(List<Row>)));
        Assert.Equal("Counts.ByName: Dictionary<string, int> (no bound)", Describe(typeof(Counts)));
        Assert.Equal("byte[]", Describe(typeof(byte[])));
    }

    [Fact]
    public void Unbounded_strings_and_recursion_do_not_count_as_growing_with_data()
    {
        Assert.False(Estimate(typeof(Node)).GrowsWithData);
        Assert.Equal(GrowthKind.Recursive, Estimate(typeof(Node)).Kind);
        Assert.False(Estimate(typeof(Row).GetProperty(nameof(Row.Name))!.PropertyType).GrowsWithData);
        Assert.Equal(GrowthKind.Text, Estimate(typeof(string)).Kind);
    }

    [Fact]
    public void Bounded_collections_explain_their_bound()
    {
        Assert.Equal("Mixed.Values: Scalars \u2192 Scalars.Id: Guid", Describe(typeof(Mixed)));
        Assert.Equal("Bounded.Points: List<Point> (at most 3 items) \u2192 Point.X: int", Describe(typeof(Samples.Bounded)));
    }

    [Fact]
    public void Escaped_lengths_match_the_default_encoder_for_every_char_below_0x250()
    {
        for (char c = '\0'; c < '\u0250'; c++)
        {
            string json = JsonSerializer.Serialize(c.ToString());
            Assert.True(Encoding.UTF8.GetByteCount(json) - 2 == JsonEscaping.EscapedLength(c), $"U+{(int)c:X4}: {json}");
        }
    }

    private static SizeEstimate Estimate(Type type)
    {
        Compilation compilation = SampleCompilation.Value;
        var model = new JsonSizeModel(SizeSymbols.For(compilation));
        return model.Estimate(Symbol(compilation, type));
    }

    private static string Describe(Type type, SizeEstimate? estimate = null)
    {
        Compilation compilation = SampleCompilation.Value;
        ITypeSymbol symbol = Symbol(compilation, type);
        return SizeChainRenderer.Describe(symbol, estimate ?? new JsonSizeModel(SizeSymbols.For(compilation)).Estimate(symbol));
    }

    private static ITypeSymbol Symbol(Compilation compilation, Type type)
    {
        if (type.IsArray)
        {
            return compilation.CreateArrayTypeSymbol(Symbol(compilation, type.GetElementType()!));
        }

        if (type.IsGenericType)
        {
            INamedTypeSymbol definition = compilation.GetTypeByMetadataName(type.GetGenericTypeDefinition().FullName!)!;
            return definition.Construct(type.GetGenericArguments().Select(t => Symbol(compilation, t)).ToArray());
        }

        return compilation.GetTypeByMetadataName(type.FullName!) ?? throw new InvalidOperationException(type.FullName);
    }

    private static int Size(object instance, Type type, JsonSerializerOptions options) =>
        Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(instance, type, options));
}
