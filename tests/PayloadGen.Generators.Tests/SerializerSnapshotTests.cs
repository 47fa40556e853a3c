using System;
using System.Linq;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Pins the shape of the generated claim-check serializer (<c>[ClaimCheckSerializer]</c>), checks that each compiles with
/// no warning in a project with nullable reference types and XML documentation on, and that the classes the generator
/// refuses get no file at all (PG0010 explains them; see EverySerializerRefusalIsReportedTests).
/// </summary>
public sealed class SerializerSnapshotTests
{
    private const string SerializerFile = ".ClaimCheckSerializer.g.cs";

    private const string Context = """
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;

        namespace Demo
        {
            // Stands in for a System.Text.Json-generated context, whose generator does not run in this test.
            public sealed class FunctionJsonContext : JsonSerializerContext
            {
                public FunctionJsonContext() : base(null) { }
                public static FunctionJsonContext Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
            }
        }
        """;

    [Fact]
    public void Serializer_with_a_JsonContext()
        => Verify(nameof(Serializer_with_a_JsonContext), """
            using PayloadGen;

            namespace Demo;

            [ClaimCheckSerializer(JsonContext = typeof(FunctionJsonContext))]
            public partial class FunctionSerializer;
            """);

    [Fact]
    public void Serializer_with_reflection_metadata()
        => Verify(nameof(Serializer_with_reflection_metadata), """
            using PayloadGen;

            namespace Demo.Functions
            {
                [ClaimCheckSerializer]
                public sealed partial class FunctionSerializer { }
            }
            """);

    [Fact]
    public void Serializer_in_the_global_namespace()
        => Verify(nameof(Serializer_in_the_global_namespace), """
            [PayloadGen.ClaimCheckSerializer(JsonContext = typeof(Demo.FunctionJsonContext))]
            internal partial class FunctionSerializer { }
            """);

    [Fact]
    public void Serializer_that_declares_its_own_parameterless_constructor()
        => Verify(nameof(Serializer_that_declares_its_own_parameterless_constructor), """
            using PayloadGen;

            namespace Demo;

            [ClaimCheckSerializer]
            public partial class FunctionSerializer
            {
                public FunctionSerializer() => System.Console.WriteLine("created by Lambda");
            }
            """);

    [Fact]
    public void Serializer_named_with_a_keyword_in_a_keyword_namespace()
        => Verify(nameof(Serializer_named_with_a_keyword_in_a_keyword_namespace), """
            namespace Demo.@event
            {
                [PayloadGen.ClaimCheckSerializer]
                public partial class @class { }
            }
            """);

    [Theory]
    [InlineData("nested", """
        namespace Demo
        {
            public partial class Functions
            {
                [PayloadGen.ClaimCheckSerializer] public partial class FunctionSerializer { }
            }
        }
        """)]
    [InlineData("generic", """
        namespace Demo
        {
            [PayloadGen.ClaimCheckSerializer] public partial class FunctionSerializer<T> { }
        }
        """)]
    [InlineData("not partial", """
        namespace Demo
        {
            [PayloadGen.ClaimCheckSerializer] public class FunctionSerializer { }
        }
        """)]
    [InlineData("abstract", """
        namespace Demo
        {
            [PayloadGen.ClaimCheckSerializer] public abstract partial class FunctionSerializer { }
        }
        """)]
    [InlineData("declares Serialize", """
        namespace Demo
        {
            [PayloadGen.ClaimCheckSerializer]
            public partial class FunctionSerializer
            {
                public void Serialize<T>(T response, System.IO.Stream responseStream) { }
            }
        }
        """)]
    [InlineData("JsonContext not a context", """
        namespace Demo
        {
            [PayloadGen.ClaimCheckSerializer(JsonContext = typeof(string))] public partial class FunctionSerializer { }
        }
        """)]
    public void A_refused_class_gets_no_serializer_file(string refusal, string source)
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create([LambdaSerializerContract.Source, source]));

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.DriverDiagnostics);
        Assert.False(run.Sources.Keys.Any(hint => hint.EndsWith(SerializerFile, StringComparison.Ordinal)), "no serializer for a class that is " + refusal);
    }

    [Fact]
    public void Generates_each_of_two_serializers_whose_names_differ_only_in_case()
    {
        // Hint names are compared without case, like the file names they become: one duplicate fails the whole generator (CS8785).
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create([LambdaSerializerContract.Source, """
            #pragma warning disable CS8981
            namespace Demo
            {
                [PayloadGen.ClaimCheckSerializer] public partial class OrderSerializer { }
                [PayloadGen.ClaimCheckSerializer] public partial class orderSerializer { }
                [PayloadGen.ClaimCheckSerializer] public partial class InvoiceSerializer { }
            }
            namespace demo
            {
                [PayloadGen.ClaimCheckSerializer] public partial class ReportSerializer { }
            }
            namespace Other
            {
                [PayloadGen.ClaimCheckSerializer] public partial class ReportSerializer { }
            }
            """]));

        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Exception);
        string[] serializers = run.Sources.Keys.Where(hint => hint.EndsWith(SerializerFile, StringComparison.Ordinal)).ToArray();
        Assert.Equal(5, serializers.Length);
        Assert.Equal(5, serializers.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Only names with a twin get the suffix (Demo has the twin namespace demo); Other.ReportSerializer has none.
        Assert.Contains("Other.ReportSerializer" + SerializerFile, serializers);
        Assert.Equal(4, serializers.Count(hint => System.Text.RegularExpressions.Regex.IsMatch(hint, @"\.[0-9a-f]{8}\.ClaimCheckSerializer\.g\.cs$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))));
        Assert.Empty(run.OutputProblems());
    }

    [Fact]
    public void Without_ILambdaSerializer_in_the_compilation_nothing_is_generated()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(["[PayloadGen.ClaimCheckSerializer] public partial class FunctionSerializer { }"]));

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.Sources.Keys, hint => hint.EndsWith(SerializerFile, StringComparison.Ordinal));
    }

    private static void Verify(string name, string source)
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create([LambdaSerializerContract.Source, Context, source]));

        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Exception);
        string generated = Assert.Single(run.Sources, generated => generated.Key.EndsWith(SerializerFile, StringComparison.Ordinal)).Value;
        Assert.Empty(run.OutputProblems());
        Snapshot.Verify(name, generated);
    }
}
