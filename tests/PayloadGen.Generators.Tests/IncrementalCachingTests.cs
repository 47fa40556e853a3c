using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// The generator does no work an edit does not call for: after an unrelated edit or a change to a handler's body,
/// every tracked step is cached or recomputed to an equal value, and no source is regenerated; after a change that
/// matters, the wrapper is regenerated.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string Payloads = """
        namespace Demo;

        public sealed class ReportRequest { public string Name { get; set; } = ""; }
        public sealed class OtherRequest { public int Id { get; set; } }
        public sealed class Report { public string Title { get; set; } = ""; }
        """;

    private const string Handlers = """
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using PayloadGen;

        namespace Demo;

        public partial class ReportFunctions
        {
            [ClaimCheck]
            public Task<Report> BuildReport(ReportRequest request, ILambdaContext context, CancellationToken ct)
                => Task.FromResult(new Report { Title = request.Name });

            [ClaimCheck(Source = PayloadSource.StepFunctions)]
            public static Report Summarise(ReportRequest request) => new() { Title = "summary" };
        }
        """;

    private const string BuildReportFile = "Demo.ReportFunctions.BuildReport.ClaimCheck.g.cs";

    private const string Unrelated = """
        namespace Demo;

        public sealed class Clock { public int Ticks => 1; }
        """;

    [Fact]
    public void Adding_a_file_leaves_every_step_cached()
    {
        (GeneratorRun first, CSharpCompilation compilation) = StartRun();

        GeneratorRun second = GeneratorRun.Continue(first.Driver, compilation.AddSyntaxTrees(Parse("namespace Demo; public sealed class Added { }")));

        AssertNothingRecomputed(first, second);
    }

    [Fact]
    public void Editing_another_class_leaves_every_step_cached()
    {
        (GeneratorRun first, CSharpCompilation compilation) = StartRun();

        GeneratorRun second = GeneratorRun.Continue(first.Driver, Replace(compilation, Unrelated, Unrelated.Replace("Ticks => 1", "Ticks => 2 + 3")));

        AssertNothingRecomputed(first, second);
    }

    [Fact]
    public void Editing_the_handlers_body_regenerates_nothing()
    {
        (GeneratorRun first, CSharpCompilation compilation) = StartRun();

        GeneratorRun second = GeneratorRun.Continue(first.Driver, Replace(compilation, Handlers, Handlers.Replace("Title = \"summary\"", "Title = \"a different summary\"")));

        AssertNothingRecomputed(first, second);
    }

    [Fact]
    public void Moving_a_handler_down_its_file_regenerates_nothing()
    {
        // The models hold no location: lines added above a handler change every position in its file, and nothing else.
        (GeneratorRun first, CSharpCompilation compilation) = StartRun();

        GeneratorRun second = GeneratorRun.Continue(first.Driver, Replace(compilation, Handlers, Handlers.Replace("namespace Demo;", "namespace Demo;\n\n// Report functions.\n// Moved down two lines.\n")));

        AssertNothingRecomputed(first, second);
    }

    private const string Serializer = """
        using PayloadGen;

        namespace Demo;

        [ClaimCheckSerializer]
        public partial class FunctionSerializer;
        """;

    [Fact]
    public void Editing_another_class_leaves_the_claim_check_serializer_cached()
    {
        CSharpCompilation compilation = TestCompilation.Create([LambdaSerializerContract.Source, Payloads, Handlers, Serializer, Unrelated]);
        GeneratorRun first = GeneratorRun.Start(compilation);
        Assert.Equal(3, first.Sources.Count);
        Assert.Single(TrackedSteps.Of(first)[TrackingNames.Serializers]);
        Assert.Empty(first.OutputProblems());

        GeneratorRun second = GeneratorRun.Continue(first.Driver, Replace(compilation, Unrelated, Unrelated.Replace("Ticks => 1", "Ticks => 2 + 3")));

        AssertNothingRecomputed(first, second);
    }

    [Fact]
    public void Changing_the_payload_type_regenerates_the_wrapper()
    {
        (GeneratorRun first, CSharpCompilation compilation) = StartRun();

        GeneratorRun second = GeneratorRun.Continue(first.Driver, Replace(compilation, Handlers, Handlers.Replace("Summarise(ReportRequest request)", "Summarise(OtherRequest request)")));

        AssertRegenerated(first, second, "Demo.ReportFunctions.Summarise.ClaimCheck.g.cs", "global::Demo.OtherRequest");
        // The other handler did not change and is not regenerated.
        Assert.Equal(first.Sources[BuildReportFile], second.Sources[BuildReportFile]);
    }

    [Fact]
    public void Adding_a_bucket_member_to_the_request_type_regenerates_the_wrapper()
    {
        (GeneratorRun first, CSharpCompilation compilation) = StartRun();

        GeneratorRun second = GeneratorRun.Continue(first.Driver, Replace(compilation, Payloads, Payloads.Replace("public string Name", "public string? Bucket { get; set; } public string Name")));

        // Both handlers take the request type, so both change.
        AssertRegenerated(first, second, "Demo.ReportFunctions.Summarise.ClaimCheck.g.cs", "allowBarePointer: false");
        AssertRegenerated(first, second, BuildReportFile, "allowBarePointer: false");
    }

    [Fact]
    public void Removing_the_Lambda_context_type_regenerates_wrappers_that_did_not_need_it()
    {
        (GeneratorRun first, CSharpCompilation compilation) = StartRun();
        string withoutContext = Handlers
            .Replace("using Amazon.Lambda.Core;", string.Empty)
            .Replace(", ILambdaContext context", string.Empty);
        CSharpCompilation edited = Replace(compilation, Handlers, withoutContext);
        edited = edited.RemoveSyntaxTrees(edited.SyntaxTrees.Single(tree => tree.ToString() == LambdaCoreContract.Source));

        GeneratorRun second = GeneratorRun.Continue(first.Driver, edited);

        Assert.Equal(IncrementalStepRunReason.Modified, TrackedSteps.Of(second)[TrackingNames.CompilationFacts].Single().Reason);
        Assert.DoesNotContain("ILambdaContext", second.Sources["Demo.ReportFunctions.Summarise.ClaimCheck.g.cs"], System.StringComparison.Ordinal);
        Assert.Empty(second.OutputProblems());
    }

    private const string QueueHandlers = """
        using System.Threading.Tasks;
        using PayloadGen;

        namespace Demo;

        public partial class ImportFunctions
        {
            [ClaimCheck]
            public Task Import(ReportRequest request) => Task.CompletedTask;
        }
        """;

    private const string ImportFile = "Demo.ImportFunctions.Import.ClaimCheck.g.cs";

    [Fact]
    public void Switching_the_source_from_Direct_to_Sqs_regenerates_the_wrapper_as_a_batch_wrapper()
    {
        (GeneratorRun first, CSharpCompilation compilation) = StartQueueRun(QueueHandlers);
        Assert.Contains("HydrateAsync", first.Sources[ImportFile], System.StringComparison.Ordinal);

        GeneratorRun second = GeneratorRun.Continue(first.Driver, Replace(compilation, QueueHandlers, QueueHandlers.Replace("[ClaimCheck]", "[ClaimCheck(Source = PayloadSource.Sqs)]")));

        AssertRegenerated(first, second, ImportFile, "ProcessSqsBatchAsync");
        Assert.DoesNotContain("HydrateAsync", second.Sources[ImportFile], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_MaxConcurrency_regenerates_a_queue_wrapper()
    {
        string sqs = QueueHandlers.Replace("[ClaimCheck]", "[ClaimCheck(Source = PayloadSource.Sqs)]");
        (GeneratorRun first, CSharpCompilation compilation) = StartQueueRun(sqs);

        GeneratorRun second = GeneratorRun.Continue(first.Driver, Replace(compilation, sqs, sqs.Replace("Source = PayloadSource.Sqs", "Source = PayloadSource.Sqs, MaxConcurrency = 5")));

        AssertRegenerated(first, second, ImportFile, "MaxConcurrency = 5");
    }

    [Fact]
    public void Changing_MaxConcurrency_of_a_direct_handler_regenerates_nothing()
    {
        // A handler without a batch ignores the setting, so the model does not carry it.
        (GeneratorRun first, CSharpCompilation compilation) = StartQueueRun(QueueHandlers);

        GeneratorRun second = GeneratorRun.Continue(first.Driver, Replace(compilation, QueueHandlers, QueueHandlers.Replace("[ClaimCheck]", "[ClaimCheck(MaxConcurrency = 5)]")));

        Assert.All(TrackedSteps.SourceOutputs(second), output => Assert.NotEqual(IncrementalStepRunReason.Modified, output.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }

    private static (GeneratorRun Run, CSharpCompilation Compilation) StartQueueRun(string handlers)
    {
        CSharpCompilation compilation = TestCompilation.Create([Payloads, handlers]);
        GeneratorRun run = GeneratorRun.Start(compilation);
        Assert.Equal([ImportFile], run.Sources.Keys);
        Assert.Empty(run.OutputProblems());
        return (run, compilation);
    }

    private static (GeneratorRun Run, CSharpCompilation Compilation) StartRun()
    {
        CSharpCompilation compilation = TestCompilation.Create([Payloads, Handlers, Unrelated]);
        GeneratorRun run = GeneratorRun.Start(compilation);
        Assert.Equal(2, run.Sources.Count);
        Assert.Empty(run.OutputProblems());
        return (run, compilation);
    }

    private static void AssertNothingRecomputed(GeneratorRun first, GeneratorRun second)
    {
        ImmutableDictionary<string, ImmutableArray<(object Value, IncrementalStepRunReason Reason)>> before = TrackedSteps.Of(first);
        ImmutableDictionary<string, ImmutableArray<(object Value, IncrementalStepRunReason Reason)>> steps = TrackedSteps.Of(second);
        Assert.NotEmpty(steps[TrackingNames.Handlers]);
        foreach (string name in TrackedSteps.Names)
        {
            // A step whose input the compilation lacks (no [ClaimCheckSerializer] here) has no outputs in either run;
            // every other step must produce as many outputs as before, all of them reused.
            int expected = before.TryGetValue(name, out var outputs) ? outputs.Length : 0;
            Assert.Equal(expected, steps.TryGetValue(name, out var now) ? now.Length : 0);
            if (expected == 0)
            {
                continue;
            }

            Assert.All(steps[name], output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} was {output.Reason}."));
        }

        Assert.NotEmpty(TrackedSteps.SourceOutputs(second));
        Assert.All(TrackedSteps.SourceOutputs(second), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }

    private static void AssertRegenerated(GeneratorRun first, GeneratorRun second, string hintName, string expectedText)
    {
        Assert.Contains(TrackedSteps.Of(second)[TrackingNames.Handlers], output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(TrackedSteps.SourceOutputs(second), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.NotEqual(first.Sources[hintName], second.Sources[hintName]);
        Assert.Contains(expectedText, second.Sources[hintName], System.StringComparison.Ordinal);
        Assert.Empty(second.OutputProblems());
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string oldSource, string newSource)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(tree => tree.ToString() == oldSource);
        return compilation.ReplaceSyntaxTree(old, Parse(newSource, old.FilePath));
    }

    private static SyntaxTree Parse(string source, string path = "Added.cs")
        => CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path);
}
