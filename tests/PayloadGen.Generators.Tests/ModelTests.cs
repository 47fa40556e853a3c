using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Parsing;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// The pipeline's models are plain equatable data: nothing in them keeps a compilation alive or makes equal
/// handlers compare unequal.
/// </summary>
public sealed class ModelTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using PayloadGen;

        namespace Demo;

        public sealed class ReportRequest { public string Name { get; set; } = ""; }
        public sealed class Report { public List<string?> Lines { get; set; } = new(); }

        public partial class Outer
        {
            public partial record Functions
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }
                internal static JsonSerializerOptions ClaimCheckJsonOptions { get; } = new();

                [ClaimCheck(Source = PayloadSource.StepFunctions, InlineThresholdBytes = 4096, MaxConcurrency = 3)]
                public async Task<Report?> BuildReport(ILambdaContext context, ReportRequest request, CancellationToken ct)
                {
                    await Task.Yield();
                    return null;
                }

                [ClaimCheck]
                public static void Ping() { }

                [ClaimCheck(Source = PayloadSource.Sqs, MaxConcurrency = 6, InlineThresholdBytes = 100)]
                public ValueTask Import(CancellationToken ct, QueueMessageContext message, ReportRequest? request) => default;
            }
        }
        """;

    private static readonly Type[] s_forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(Location)];

    [Fact]
    public void Tracked_step_outputs_hold_no_symbol_syntax_compilation_or_location()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Source));

        int checkedValues = 0;
        foreach ((string step, var outputs) in TrackedSteps.Of(run))
        {
            foreach ((object value, _) in outputs)
            {
                AssertPlainData(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                checkedValues++;
            }
        }

        Assert.True(checkedValues >= 5, "Expected outputs from every step, checked " + checkedValues);
    }

    [Fact]
    public void Equal_sources_give_equal_models_in_different_compilations()
    {
        HandlerSpec[] first = Handlers(GeneratorRun.Start(TestCompilation.Create(Source)));
        HandlerSpec[] second = Handlers(GeneratorRun.Start(TestCompilation.Create(Source)));

        Assert.Equal(3, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(first.Select(spec => spec.GetHashCode()), second.Select(spec => spec.GetHashCode()));
    }

    [Fact]
    public void Refusals_are_plain_data_equal_across_compilations()
    {
        // What the generator and the analyzers share is location-free, so it can be compared, cached and tested.
        const string refused = """
            using System;
            using PayloadGen;
            namespace Demo;
            public sealed class Report { }
            public partial class F<T>
            {
                [ClaimCheck(Source = (PayloadSource)9)] public ref Report M(ReadOnlySpan<byte> body, out int n) => throw null!;
            }
            """;

        Refusal[] first = RefusalsOf(TestCompilation.Create(refused));
        Refusal[] second = RefusalsOf(TestCompilation.Create(refused));

        Assert.Equal(
            [
                Refusal.AtArgument(RefusalReason.UndefinedSource, "Source", "9"),
                Refusal.AtMethod(RefusalReason.GenericContainingType, "F<T>"),
                Refusal.AtParameter(RefusalReason.UnsupportedPayloadType, 0, "body", "ReadOnlySpan<byte>"),
                Refusal.AtParameter(RefusalReason.ParameterByReference, 1, "n", "out"),
                Refusal.AtReturn(RefusalReason.ReturnsByReference, "Report", "ref"),
            ],
            first);
        Assert.Equal(first, second);
        foreach (Refusal refusal in first)
        {
            AssertPlainData(refusal, nameof(Refusal), new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static Refusal[] RefusalsOf(Compilation compilation)
    {
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Demo.F`1")!;
        IMethodSymbol method = type.GetMembers("M").OfType<IMethodSymbol>().Single();
        return HandlerShapeReader.Read(compilation, method, method.GetAttributes().Single(), System.Threading.CancellationToken.None).Refusals.ToArray();
    }

    [Fact]
    public void Reads_the_handler_into_the_model()
    {
        HandlerSpec spec = Handlers(GeneratorRun.Start(TestCompilation.Create(Source))).Single(h => h.MethodName == "BuildReport");

        Assert.Equal("Demo", spec.Namespace);
        Assert.Equal([new ContainingTypeSpec("Outer", "Outer", ContainingTypeKind.Class), new ContainingTypeSpec("Functions", "Functions", ContainingTypeKind.Record)], spec.ContainingTypes);
        Assert.Equal("global::Demo.Outer.Functions", spec.ContainingTypeName);
        Assert.Equal("Demo.Outer+Functions", spec.HandlerTypeName);
        Assert.False(spec.IsStatic);
        Assert.Equal(HandlerSource.StepFunctions, spec.Source);
        Assert.Equal(4096, spec.InlineThresholdBytes);
        Assert.Equal([ParameterRole.LambdaContext, ParameterRole.Payload, ParameterRole.CancellationToken], spec.Parameters.Select(p => p.Role));
        Assert.Equal(new PayloadTypeSpec("global::Demo.ReportRequest", IsValueType: false, IsAnnotated: false), spec.Request);
        Assert.True(spec.AllowBarePointer);
        Assert.Equal(ReturnShape.TaskOfValue, spec.ReturnShape);
        Assert.Equal(new PayloadTypeSpec("global::Demo.Report", IsValueType: false, IsAnnotated: true), spec.Response);
        Assert.Equal(new JsonMetadataSpec(JsonMetadataKind.Options, "global::Demo.Outer.Functions.ClaimCheckJsonOptions"), spec.Json);
        Assert.Equal("global::Demo.Outer.Functions.ClaimCheckRuntime", spec.RuntimeMemberExpression);
    }

    [Fact]
    public void Reads_a_queue_handler_into_the_model()
    {
        HandlerSpec spec = Handlers(GeneratorRun.Start(TestCompilation.Create(Source))).Single(h => h.MethodName == "Import");

        Assert.Equal(HandlerSource.Sqs, spec.Source);
        Assert.Equal(6, spec.MaxConcurrency);
        Assert.Equal([ParameterRole.CancellationToken, ParameterRole.MessageContext, ParameterRole.Payload], spec.Parameters.Select(p => p.Role));
        Assert.Equal(new PayloadTypeSpec("global::Demo.ReportRequest", IsValueType: false, IsAnnotated: true), spec.Request);
        Assert.Equal(ReturnShape.ValueTask, spec.ReturnShape);
        Assert.Null(spec.Response);
        Assert.False(spec.TakesLambdaContext);
    }

    [Fact]
    public void MaxConcurrency_is_not_read_for_handlers_without_a_batch()
    {
        HandlerSpec spec = Handlers(GeneratorRun.Start(TestCompilation.Create(Source))).Single(h => h.MethodName == "BuildReport");

        Assert.Equal(0, spec.MaxConcurrency);
    }

    [Fact]
    public void Generator_source_enum_matches_the_runtimes_PayloadSource()
    {
        // The generator cannot reference the runtime library, so it keeps a copy of the enum that must not drift.
        Assert.Equal(
            Enum.GetValues<PayloadSource>().Select(value => (value.ToString(), (int)value)),
            Enum.GetValues<HandlerSource>().Select(value => (value.ToString(), (int)value)));
    }

    [Fact]
    public void EquatableArray_compares_elements()
    {
        var left = new EquatableArray<HandlerParameter>([new(ParameterRole.Payload), new(ParameterRole.LambdaContext)]);
        var right = new EquatableArray<HandlerParameter>([new(ParameterRole.Payload), new(ParameterRole.LambdaContext)]);
        var other = new EquatableArray<HandlerParameter>([new(ParameterRole.Payload)]);

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, other);
        Assert.Equal(EquatableArray<HandlerParameter>.Empty, default);
    }

    internal static HandlerSpec[] Handlers(GeneratorRun run)
        => TrackedSteps.Of(run)[TrackingNames.Handlers].Select(output => (HandlerSpec)output.Value).ToArray();

    private static void AssertPlainData(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(s_forbidden.Any(forbidden => forbidden.IsAssignableFrom(type)), $"{path} holds a {type.FullName}.");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                AssertPlainData(item, path + "[" + i++ + "]", visited);
            }
        }

        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Assert.False(s_forbidden.Any(forbidden => forbidden.IsAssignableFrom(field.FieldType)), $"{path}.{field.Name} is declared as {field.FieldType.FullName}.");
                AssertPlainData(field.GetValue(value), path + "." + field.Name, visited);
            }
        }
    }
}
