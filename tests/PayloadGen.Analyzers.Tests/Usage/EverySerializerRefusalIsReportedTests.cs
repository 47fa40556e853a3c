using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Model;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

/// <summary>
/// The serializer's side of the one contract: every <c>[ClaimCheckSerializer]</c> class ends in a generated
/// <c>ILambdaSerializer</c> or in PG0010 at the exact span, never in a silent skip. Adding a
/// <see cref="SerializerRefusalReason"/> without a case here fails <see cref="Every_serializer_refusal_reason_has_a_case"/>.
/// </summary>
public sealed class EverySerializerRefusalIsReportedTests
{
    private const string Header = """
        using System;
        using System.Text.Json.Serialization;
        using PayloadGen;

        namespace Demo;

        public sealed class Report { public string Title { get; set; } = ""; }

        """;

    private static readonly Dictionary<SerializerRefusalReason, (string Source, string Message)> Cases = new()
    {
        [SerializerRefusalReason.NoLambdaSerializerInterface] = (
            "[ClaimCheckSerializer] public partial class [|S|] { }",
            "[ClaimCheckSerializer] cannot make 'S' a Lambda serializer: the compilation has no Amazon.Lambda.Core.ILambdaSerializer; add a reference to the Amazon.Lambda.Core package"),
        [SerializerRefusalReason.NotPartial] = (
            "[ClaimCheckSerializer] public class [|S|] { }",
            "[ClaimCheckSerializer] cannot make 'S' a Lambda serializer: 'S' is not partial; make it partial"),
        [SerializerRefusalReason.NestedType] = (
            "public partial class Outer { [ClaimCheckSerializer] public partial class [|S|] { } }",
            "[ClaimCheckSerializer] cannot make 'S' a Lambda serializer: it is nested in 'Outer'; declare it directly in a namespace"),
        [SerializerRefusalReason.GenericType] = (
            "[ClaimCheckSerializer] public partial class [|S|]<T> { }",
            "[ClaimCheckSerializer] cannot make 'S' a Lambda serializer: it is generic and Lambda cannot supply type arguments; use a non-generic class"),
        [SerializerRefusalReason.NotInstantiable] = (
            "[ClaimCheckSerializer] public abstract partial class [|S|] { }",
            "[ClaimCheckSerializer] cannot make 'S' a Lambda serializer: it is abstract and Lambda must create an instance; remove the 'abstract' modifier"),
        [SerializerRefusalReason.ParameterlessConstructorNotPublic] = (
            "[ClaimCheckSerializer] public partial class [|S|] { private S() { } }",
            "[ClaimCheckSerializer] cannot make 'S' a Lambda serializer: its parameterless constructor is private and Lambda creates the serializer through it; make it public"),
        [SerializerRefusalReason.GeneratedMemberTaken] = (
            "[ClaimCheckSerializer] public partial class [|S|] { public void Serialize(object value) { } }",
            "[ClaimCheckSerializer] cannot make 'S' a Lambda serializer: it declares 'Serialize', which the generator adds; remove or rename it"),
        [SerializerRefusalReason.InvalidJsonContext] = (
            "[ClaimCheckSerializer([|JsonContext = typeof(Report)|])] public partial class S { }",
            "[ClaimCheckSerializer] cannot make 'S' a Lambda serializer: JsonContext 'Report' is not a concrete, non-generic JsonSerializerContext; set JsonContext to a partial class deriving from JsonSerializerContext with [JsonSerializable] for every request and response type"),
    };

    public static TheoryData<string> Reasons => new(Enum.GetNames<SerializerRefusalReason>());

    [Fact]
    public void Every_serializer_refusal_reason_has_a_case()
    {
        RefusalContract.AssertEveryReasonHasACase(Cases.Keys);
    }

    [Theory]
    [MemberData(nameof(Reasons))]
    public async Task Refused_serializer_gets_no_generated_part_and_exactly_its_diagnostic(string reasonName)
    {
        SerializerRefusalReason reason = Enum.Parse<SerializerRefusalReason>(reasonName);
        (string source, ImmutableArray<TextSpan> spans) = RefusalContract.Marked(Header + Cases[reason].Source);
        Compilation compilation = reason == SerializerRefusalReason.NoLambdaSerializerInterface
            ? CSharpCompilation.Create("Refusals", [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "/src/Serializer.cs")], TestReferences.WithoutAws, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            : AnalyzerRunner.Compile("Refusals", [("/src/Serializer.cs", source)]);

        await RefusalContract.AssertReportedAsync(
            compilation,
            spans,
            DiagnosticIds.ClaimCheckSerializerNotGenerated,
            Cases[reason].Message,
            generated => Assert.DoesNotContain(generated.SyntaxTrees, tree => tree.FilePath.EndsWith(".ClaimCheckSerializer.g.cs", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("[ClaimCheckSerializer] public partial class S { }")]
    [InlineData("[ClaimCheckSerializer] public sealed partial class S { public S(int ignored) { } }")]
    [InlineData("[ClaimCheckSerializer] public partial class S { public S() { } }")]
    public async Task Valid_serializer_becomes_an_ILambdaSerializer_with_a_public_parameterless_constructor_and_no_diagnostic(string declaration)
    {
        AnalyzerRunner.Result result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile("Serializers", [("/src/Serializer.cs", Header + declaration)]), []);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.GeneratorFailures);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("PG", StringComparison.Ordinal));
        Assert.Empty(result.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        INamedTypeSymbol serializer = result.Compilation.GetTypeByMetadataName("Demo.S")!;
        Assert.Contains(serializer.AllInterfaces, i => i.ToDisplayString() == "Amazon.Lambda.Core.ILambdaSerializer");
        Assert.Contains(serializer.InstanceConstructors, c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public);
    }
}
