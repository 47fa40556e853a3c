using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// The assembly-level size evidence a library exports for the projects that reference it: written only by data projects
/// (not by a project with <c>[ClaimCheck]</c> handlers or <c>AWSProjectType=Lambda</c>, unless
/// <c>PayloadGenExportSizeEvidence</c> says so) and only when a method carries evidence, compiled into the assembly,
/// and — though the step reads the whole compilation — its output stays cached after edits that change no summary.
/// </summary>
public sealed class SizeEvidenceExportTests
{
    private const string HintName = "PayloadGen.SizeEvidence.g.cs";

    private const string Store = """
        namespace Demo.Data;
        public static class ExportStore
        {
            public static string ReadAll(string path) => Load(path);
            private static string Load(string path) => System.IO.File.ReadAllText(path);
            public static int Count(string path) => System.IO.File.ReadAllLines(path).Length;
        }
        """;

    private const string Unrelated = "namespace Demo; public sealed class Clock { public int Ticks => 1; }";

    private const string Handler = """
        using PayloadGen;

        namespace Demo;

        public sealed class Report { public string Title { get; set; } = ""; }

        public partial class ReportFunctions
        {
            [ClaimCheck(Source = PayloadSource.StepFunctions)]
            public static Report Summarise(Report request) => new() { Title = Demo.Data.ExportStore.ReadAll(request.Title) };
        }
        """;

    [Fact]
    public void A_public_method_with_evidence_is_exported_and_the_attribute_compiles()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create([Store, Unrelated]));

        string source = run.Sources[HintName];
        Assert.Contains("[assembly: global::PayloadGen.SizeEvidence(\"M:Demo.Data.ExportStore.ReadAll(System.String)\", \"WholeFile\", \"File.ReadAllText\", Path = new string[] { \"call:ExportStore.Load()\" })]", source, System.StringComparison.Ordinal);
        // Count's result is an int: nothing to export, whatever its body reads.
        Assert.DoesNotContain("Count", source, System.StringComparison.Ordinal);
        Assert.Empty(run.OutputProblems());
        Assert.Contains(run.Output.Assembly.GetAttributes(), attribute => attribute.AttributeClass?.Name == "SizeEvidenceAttribute");
    }

    [Fact]
    public void Without_evidence_or_without_the_runtime_nothing_is_written()
    {
        Assert.DoesNotContain(HintName, GeneratorRun.Start(TestCompilation.Create([Unrelated])).Sources.Keys);
        Assert.DoesNotContain(HintName, GeneratorRun.Start(TestCompilation.Create([Store], runtime: false)).Sources.Keys);
    }

    [Fact]
    public void A_function_project_exports_nothing_unless_its_build_asks()
    {
        // Its [ClaimCheck] handlers make it a function project: nothing references it for its evidence.
        GeneratorRun withHandlers = GeneratorRun.Start(TestCompilation.Create([Store, Handler]));
        Assert.DoesNotContain(HintName, withHandlers.Sources.Keys);
        Assert.Contains("Demo.ReportFunctions.Summarise.ClaimCheck.g.cs", withHandlers.Sources.Keys);

        // So does the property the AWS Lambda templates set, without any [ClaimCheck].
        Assert.DoesNotContain(HintName, GeneratorRun.Start(TestCompilation.Create([Store]), new BuildProperties(("AWSProjectType", "Lambda"))).Sources.Keys);

        GeneratorRun asked = GeneratorRun.Start(TestCompilation.Create([Store, Handler]), new BuildProperties(("PayloadGenExportSizeEvidence", "true")));
        Assert.Contains("\"M:Demo.Data.ExportStore.ReadAll(System.String)\", \"WholeFile\"", asked.Sources[HintName], System.StringComparison.Ordinal);
        Assert.Empty(asked.OutputProblems());
    }

    [Fact]
    public void A_data_project_exports_unless_its_build_turns_the_export_off()
    {
        Assert.Contains(HintName, GeneratorRun.Start(TestCompilation.Create([Store]), new BuildProperties(("PayloadGenExportSizeEvidence", "unset-is-not-a-choice"))).Sources.Keys);
        Assert.DoesNotContain(HintName, GeneratorRun.Start(TestCompilation.Create([Store]), new BuildProperties(("PayloadGenExportSizeEvidence", "False"))).Sources.Keys);
    }

    [Fact]
    public void With_implementation_outputs_off_the_export_never_runs_while_wrappers_are_generated_as_in_a_build()
    {
        // The evidence matters only to the assembly a build writes: a host that skips implementation outputs (as an IDE
        // may, after each keystroke) must not pay for re-reading every method, so the step is not even pulled.
        var exporting = new BuildProperties(("PayloadGenExportSizeEvidence", "true"));
        CSharpCompilation compilation = TestCompilation.Create([Store, Handler]);

        GeneratorRun withoutImplementation = GeneratorRun.Start(compilation, exporting, IncrementalGeneratorOutputKind.Implementation);
        GeneratorRun build = GeneratorRun.Start(compilation, exporting);

        Assert.Empty(TrackedSteps.Of(withoutImplementation)[TrackingNames.SizeEvidence]);
        Assert.DoesNotContain(HintName, withoutImplementation.Sources.Keys);
        Assert.NotEmpty(TrackedSteps.Of(build)[TrackingNames.SizeEvidence]);
        Assert.Contains(HintName, build.Sources.Keys);
        Assert.Equal(build.Sources.Remove(HintName), withoutImplementation.Sources);
    }

    [Fact]
    public void An_edit_that_changes_no_summary_leaves_the_output_cached_and_one_that_does_rewrites_it()
    {
        CSharpCompilation compilation = TestCompilation.Create([Store, Unrelated]);
        GeneratorRun first = GeneratorRun.Start(compilation);

        GeneratorRun unrelatedEdit = GeneratorRun.Continue(first.Driver, Replace(compilation, Unrelated, Unrelated.Replace("Ticks => 1", "Ticks => 2")));
        Assert.All(TrackedSteps.Of(unrelatedEdit)[TrackingNames.SizeEvidence], step => Assert.Equal(IncrementalStepRunReason.Unchanged, step.Reason));
        Assert.Equal(first.Sources[HintName], unrelatedEdit.Sources[HintName]);

        GeneratorRun evidenceEdit = GeneratorRun.Continue(first.Driver, Replace(compilation, Store, Store.Replace("File.ReadAllText(path)", "File.ReadLines(path).First()").Replace("namespace Demo.Data;", "using System.Linq; namespace Demo.Data;")));
        Assert.All(TrackedSteps.Of(evidenceEdit)[TrackingNames.SizeEvidence], step => Assert.Equal(IncrementalStepRunReason.Modified, step.Reason));
        // First() bounds what ReadAll returns: the export now says so instead of naming a whole file.
        Assert.Contains("\"BoundingOperator\", \"First()\"", evidenceEdit.Sources[HintName], System.StringComparison.Ordinal);
        Assert.DoesNotContain("WholeFile", evidenceEdit.Sources[HintName], System.StringComparison.Ordinal);
        Assert.Empty(evidenceEdit.OutputProblems());
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string oldSource, string newSource)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(tree => tree.ToString() == oldSource);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newSource, TestCompilation.ParseOptions, old.FilePath));
    }
}
