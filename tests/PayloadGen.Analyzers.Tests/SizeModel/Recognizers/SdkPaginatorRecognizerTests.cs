using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class SdkPaginatorRecognizerTests
{
    [Theory]
    [InlineData("paginator.S3Objects", "S3Objects")]
    [InlineData("paginator.Responses", "Responses")]
    public void A_paginators_items_or_responses_are_every_page_of_the_operation(string enumerated, string property)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F
            {
                private readonly IAmazonS3 _s3 = null!;
                public async Task<List<object>> Probe()
                {
                    var all = new List<object>();
                    var paginator = _s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = "b" });
                    await foreach (var entry in {{enumerated}})
                    {
                        all.Add(entry);
                    }

                    return all;
                }
            }
            """);

        Evidence fill = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.LoopFill, fill.Kind);
        Assert.Equal((EvidenceKind.PaginatedResults, "ListObjectsV2", property), (fill.Cause!.Kind, fill.Cause.Detail, fill.Cause.Subject));
    }

    [Fact]
    public void One_listing_page_stays_one_page()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                private readonly IAmazonS3 _s3 = null!;
                public async Task<List<S3Object>> Probe() =>
                    (await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "b", MaxKeys = 100 })).S3Objects;
            }
            """);

        Assert.Empty(findings.Unbounded);
    }
}
