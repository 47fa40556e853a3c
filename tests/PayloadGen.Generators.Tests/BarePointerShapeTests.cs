using System.Linq;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// A bare <c>{"bucket":…,"key":…}</c> request is taken for a pointer only when the request type could never be
/// written that way; every type that could be is read as data.
/// </summary>
public sealed class BarePointerShapeTests
{
    public static TheoryData<string, string, bool> Cases { get; } = new()
    {
        { "class without pointer-like members", "public class T { public string Name { get; set; } = \"\"; }", true },
        { "struct", "public struct T { public int X { get; set; } }", true },
        { "nullable struct", "public struct S { public int X { get; set; } } public class T { }", true },
        { "record with Bucket", "public record T(string Bucket, string Name);", false },
        { "KEY in another case", "public class T { public string KEY { get; set; } = \"\"; }", false },
        { "field named key", "public class T { public string key = \"\"; }", false },
        { "renamed to key", "public class T { [JsonPropertyName(\"key\")] public string Id { get; set; } = \"\"; }", false },
        { "Key renamed away", "public class T { [JsonPropertyName(\"id\")] public string Key { get; set; } = \"\"; }", true },
        { "ignored Bucket", "public class T { [JsonIgnore] public string Bucket { get; set; } = \"\"; }", true },
        { "Bucket ignored only when writing null", "public class T { [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Bucket { get; set; } }", false },
        { "private Bucket", "public class T { private string Bucket { get; set; } = \"\"; public string Name => Bucket; }", true },
        { "included private Key", "public class T { [JsonInclude] internal string Key { get; set; } = \"\"; }", false },
        { "static Bucket", "public class T { public static string Bucket { get; set; } = \"\"; }", true },
        { "inherited Key", "public class B { public string Key { get; set; } = \"\"; } public class T : B { }", false },
        { "extension data", "public class T { [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; } }", false },
        { "custom converter", "[JsonConverter(typeof(JsonStringEnumConverter))] public class T { }", false },
        { "polymorphic", "[JsonPolymorphic] public class T { }", false },
        { "abstract", "public abstract class T { }", false },
        { "interface", "public interface T { }", false },
        { "enum", "public enum T { A }", false },
        { "collection", "public class T : List<int> { }", false },
        { "enumerable", "public class T : IEnumerable<int> { public IEnumerator<int> GetEnumerator() => null!; System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!; }", false },
    };

    public static TheoryData<string> AmbiguousTypes { get; } = new()
    {
        "string", "int", "object", "DateTime", "int[]", "List<string>", "Dictionary<string, string>", "JsonElement", "JsonDocument", "JsonNode", "JsonObject",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Allows_a_bare_pointer_only_for_types_that_cannot_have_its_shape(string description, string declaration, bool expected)
    {
        string parameterType = description == "nullable struct" ? "S?" : "T";
        Assert.True(expected == AllowBarePointer(declaration, parameterType), description);
    }

    [Theory]
    [MemberData(nameof(AmbiguousTypes))]
    public void Reads_bare_shape_as_data_for_types_that_hold_any_JSON(string type)
        => Assert.False(AllowBarePointer(string.Empty, type));

    private static bool AllowBarePointer(string declaration, string parameterType)
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create($$"""
            using System;
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Nodes;
            using System.Text.Json.Serialization;
            using PayloadGen;

            namespace Demo;

            {{declaration}}

            public static partial class Functions
            {
                [ClaimCheck]
                public static int Handle({{parameterType}} request) => 0;
            }
            """));
        Assert.Empty(run.OutputProblems());
        return ModelTests.Handlers(run).Single().AllowBarePointer;
    }
}
