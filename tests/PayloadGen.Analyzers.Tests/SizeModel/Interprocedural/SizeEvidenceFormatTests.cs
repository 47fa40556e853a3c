using System.Collections.Immutable;
using System.Linq;
using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Interprocedural;

/// <summary>The cross-project format: kinds by name, path steps with their kind; anything else is skipped, not guessed.</summary>
public class SizeEvidenceFormatTests
{
    private static readonly string[] WrittenSteps = ["call:ProductRepository.ScanAll()", "member:ProductPage.Products"];

    [Fact]
    public void A_path_written_as_steps_reads_back_the_same()
    {
        EvidencePath path = EvidencePath.Empty.Call("ProductRepository.ScanAll()").Member("ProductPage", "Products");
        ImmutableArray<string> steps = path.Steps.Select(SizeEvidenceFormat.Step).ToImmutableArray();

        EvidencePath? read = SizeEvidenceFormat.ReadPath(steps);

        Assert.Equal(WrittenSteps, steps);
        Assert.NotNull(read);
        Assert.Equal(path.Steps.ToArray(), read.Steps.ToArray());
    }

    [Theory]
    [InlineData("DrainedPages", true)]
    [InlineData("OnePage", true)]
    [InlineData("StreamedQuery", true)]
    [InlineData("FirstBound", false)]
    [InlineData("drainedpages", false)]
    [InlineData("3", false)]
    [InlineData("SomethingNewer", false)]
    public void Kinds_are_read_by_exact_name_only(string name, bool known)
    {
        Assert.Equal(known, SizeEvidenceFormat.ReadKind(name) is not null);
    }

    [Fact]
    public void A_step_in_an_unknown_form_rejects_the_whole_path()
    {
        Assert.Null(SizeEvidenceFormat.ReadPath(["call:A.B()", "frame:C"]));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("12", 12)]
    [InlineData("", null)]
    [InlineData("-1", null)]
    [InlineData("1e3", null)]
    [InlineData("99999", null)]
    [InlineData("\u0661", null)]
    public void A_parameter_flows_ordinal_is_read_from_invariant_digits_only(string detail, int? ordinal) =>
        Assert.Equal(ordinal, SizeEvidenceFormat.ReadOrdinal(detail));

    [Fact]
    public void The_parameter_flow_kind_is_no_evidence_kind_so_earlier_readers_skip_it() =>
        Assert.Null(SizeEvidenceFormat.ReadKind(SizeEvidenceFormat.ParameterFlowKind));
}
