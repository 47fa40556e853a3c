using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class S3ReadRecognizerTests
{
    [Fact]
    public void One_listing_page_is_bounded()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                public async Task<List<S3Object>> Probe(IAmazonS3 s3) => (await s3.ListObjectsV2Async(new ListObjectsV2Request())).S3Objects;
            }
            """);

        Assert.Empty(findings.Unbounded);
        Assert.Equal(EvidenceKind.ListingPage, Assert.Single(findings.Bounded).Kind);
    }

    [Fact]
    public void An_object_read_whole_into_a_buffer_is_evidence_but_its_response_alone_is_not()
    {
        FlowFindings copied = FlowProbe.Trace("""
            public class F
            {
                public async Task<string> Probe(IAmazonS3 s3)
                {
                    using GetObjectResponse response = await s3.GetObjectAsync("bucket", "key");
                    var buffer = new MemoryStream();
                    await response.ResponseStream.CopyToAsync(buffer);
                    return Convert.ToBase64String(buffer.ToArray());
                }
            }
            """);
        FlowFindings streamed = FlowProbe.Trace("""
            public class F { public async Task<Stream> Probe(IAmazonS3 s3) => (await s3.GetObjectAsync("bucket", "key")).ResponseStream; }
            """);

        Assert.Equal(EvidenceKind.StreamCopy, Assert.Single(copied.Unbounded).Kind);
        Assert.Empty(streamed.Unbounded);
    }

    [Fact]
    public void A_listing_held_as_a_method_group_is_one_page()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F
            {
                public async Task<ListObjectsV2Response> Probe(IAmazonS3 s3)
                {
                    Func<ListObjectsV2Request, System.Threading.CancellationToken, Task<ListObjectsV2Response>> list = s3.ListObjectsV2Async;
                    return await list(new ListObjectsV2Request { BucketName = "b" }, default);
                }
            }
            """);

        Assert.Empty(findings.Unbounded);
        Assert.Contains(findings.Bounded, b => b.Kind == EvidenceKind.ListingPage && b.Detail == "ListObjectsV2Async");
    }
}
