using System;
using System.Collections.Immutable;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Compiles a set of handlers with their generated wrappers once, loads the assembly, and shares it between the
/// compile-and-run tests (compiling is the slow part).
/// </summary>
public sealed class CompiledFunctionsFixture : IDisposable
{
    public const string FunctionsType = "RunDemo.Functions";
    public const string ContextType = "TestSupport.FakeLambdaContext";

    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using PayloadGen;

        namespace RunDemo
        {
            public sealed class ReportRequest
            {
                public string Name { get; set; } = "";
                public int Rows { get; set; }
                public string? Note { get; set; }
            }

            public sealed class Report
            {
                public string Title { get; set; } = "";
                public List<string> Lines { get; set; } = new();
                public string? Missing { get; set; }
                public string Unicode { get; set; } = "é ü ✓ <tag> & \"quoted\"";
            }

            public sealed class S3Location
            {
                public string Bucket { get; set; } = "";
                public string Key { get; set; } = "";
            }

            // A context with a naming policy Lambda's defaults do not have, so tests can see it was used.
            public sealed class SnakeCaseContext : JsonSerializerContext
            {
                private static readonly JsonSerializerOptions s_options = new()
                {
                    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                    TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
                };

                public SnakeCaseContext() : base(null) { }
                public static SnakeCaseContext Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => s_options.GetTypeInfo(type);
            }

            public partial class Functions
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                public static string? LastRecorded { get; set; }

                public static Report Make(ReportRequest request) => new()
                {
                    Title = "Report for " + request.Name,
                    Lines = Enumerable.Range(0, request.Rows).Select(i => "line " + i).ToList(),
                };

                [ClaimCheck]
                public Report Build(ReportRequest request) => Make(request);

                [ClaimCheck]
                public async Task<Report> BuildAsync(ReportRequest request, ILambdaContext context, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    return Make(request);
                }

                [ClaimCheck]
                public ValueTask<Report> BuildValueTask(ReportRequest request) => new(Make(request));

                [ClaimCheck]
                public static Report BuildStatic(ReportRequest request) => Make(request);

                [ClaimCheck(InlineThresholdBytes = 64)]
                public Report BuildWithSmallThreshold(ReportRequest request) => Make(request);

                [ClaimCheck(JsonContext = typeof(SnakeCaseContext))]
                public Report BuildWithContext(ReportRequest request) => Make(request);

                [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
                public async Task Record(ReportRequest request)
                {
                    await Task.Yield();
                    LastRecorded = "Task:" + request.Name;
                }

                [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
                public ValueTask RecordValueTask(ReportRequest request)
                {
                    LastRecorded = "ValueTask:" + request.Name;
                    return default;
                }

                [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
                public void RecordVoid(ReportRequest request) => LastRecorded = "void:" + request.Name;

                [ClaimCheck]
                public static bool DeadlinePassed(CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested;

                [ClaimCheck]
                public static S3Location Echo(S3Location location) => location;
            }
        }
        """;

    public CompiledFunctionsFixture()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Source));
        GeneratedSources = run.Sources;
        Assert.Empty(run.OutputProblems());
        Loaded = LoadedAssembly.Load(run.Output);
    }

    public ImmutableDictionary<string, string> GeneratedSources { get; }

    internal LoadedAssembly Loaded { get; }

    public void Dispose() => Loaded.Dispose();
}
