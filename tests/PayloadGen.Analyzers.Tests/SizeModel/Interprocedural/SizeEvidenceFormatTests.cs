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
}
