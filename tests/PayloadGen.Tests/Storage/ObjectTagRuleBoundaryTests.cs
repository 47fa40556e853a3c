using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.S3;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>
/// The rules S3 holds tags to, at their edges: what S3 accepts must be accepted at start-up (or no object could be
/// written), and what it refuses must be refused there, naming the rule, rather than at the first offload.
/// </summary>
public sealed class ObjectTagRuleBoundaryTests : IDisposable
{
    private readonly AmazonS3Client _s3 = new(new Amazon.Runtime.BasicAWSCredentials("a", "b"), Amazon.RegionEndpoint.USEast1);

    public void Dispose() => _s3.Dispose();

    public static TheoryData<string, string> AcceptedTags => new()
    {
        { new string('k', 128), "v" },                     // the longest key
        { "team", new string('v', 256) },                  // the longest value
        { "team", string.Empty },                          // a value may be empty
        { "a b+c-d=e.f_g:h/i@j", "a b+c-d=e.f_g:h/i@j" },  // every character besides letters and digits
        { "équipe", "Zürich-7" },                          // letters and digits of any script
        { "PayloadGen", "x" },                             // tag keys are case-sensitive: only 'payloadgen…' is reserved
        { "aws", "x" },                                    // the reserved prefix is 'aws:', not 'aws'
    };

    [Theory]
    [MemberData(nameof(AcceptedTags))]
    public void Tags_S3_accepts_are_accepted(string key, string value)
    {
        var settings = new S3ObjectSettings { Tags = [new(key, value)] };

        var store = new S3PayloadStore(_s3, new S3PayloadStoreOptions { Bucket = "b", Objects = settings });

        Assert.EndsWith("&" + Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value), store.UploadHeaders(new PayloadDescription())[S3ObjectSettings.TaggingHeader], StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> RefusedTags => new()
    {
        { new string('k', 129), "v", "a key is 1 to 128 letters, digits, spaces and +-=._:/@." },
        { string.Empty, "v", "has the tag key ''; a key is 1 to 128 letters" },
        { "te*am", "v", "has the tag key 'te*am'; a key is 1 to 128" },
        { "team", new string('v', 257), "a value is up to 256 letters, digits, spaces and +-=._:/@." },
        { "team", "a;b", "gives tag 'team' the value 'a;b'; a value is up to 256" },
        { "AWS:team", "x", "has the tag key 'AWS:team'; the aws: prefix is reserved for AWS." },
        { "payloadgen", "2", "has the tag key 'payloadgen'; keys starting with 'payloadgen' are PayloadGen's own." },
    };

    [Theory]
    [MemberData(nameof(RefusedTags))]
    public void Tags_S3_refuses_are_refused_naming_the_rule(string key, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Store(new KeyValuePair<string, string>(key, value)));

        Assert.StartsWith("S3ObjectSettings.Tags ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seven_tags_fit_beside_PayloadGens_three_and_an_eighth_does_not()
    {
        KeyValuePair<string, string>[] seven = Enumerable.Range(1, 7).Select(i => new KeyValuePair<string, string>("t" + i, "v")).ToArray();

        S3PayloadStore store = Store(seven);
        var error = Assert.Throws<ArgumentException>(() => Store([.. seven, new("t8", "v")]));

        var description = new PayloadDescription { Direction = OffloadDirection.Response, Source = PayloadSource.Sqs };
        Assert.Equal(ObjectTagging.MaxTags, store.UploadHeaders(description)[S3ObjectSettings.TaggingHeader].Split('&').Length);
        Assert.StartsWith("S3ObjectSettings.Tags holds 8 tags; S3 allows 10 per object and PayloadGen uses 3, so at most 7 are left.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_keys_that_differ_only_in_case_are_two_tags_and_an_exact_repeat_is_refused()
    {
        S3PayloadStore store = Store(new("team", "a"), new("Team", "b"));
        var error = Assert.Throws<ArgumentException>(() => Store(new("team", "a"), new("Team", "b"), new("team", "c")));

        Assert.EndsWith("&team=a&Team=b", store.UploadHeaders(new PayloadDescription())[S3ObjectSettings.TaggingHeader], StringComparison.Ordinal);
        Assert.StartsWith("S3ObjectSettings.Tags names tag 'team' twice.", error.Message, StringComparison.Ordinal);
    }

    private S3PayloadStore Store(params KeyValuePair<string, string>[] tags)
        => new(_s3, new S3PayloadStoreOptions { Bucket = "b", Objects = new S3ObjectSettings { Tags = tags } });
}
