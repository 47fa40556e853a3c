using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;

namespace PayloadGen.AspNetCore.Tests.Infrastructure;

/// <summary>Runtimes over s3rver, each writing under its own prefix so a test can count exactly what it stored.</summary>
internal static class S3rverRuntimes
{
    public static ClaimCheckRuntime Create(S3rverFixture s3, string prefix, Action<ClaimCheckOptions>? configure = null)
    {
        var options = new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, KeyPrefix = prefix, S3ChunkedEncoding = false };
        configure?.Invoke(options);
        return ClaimCheckRuntime.Create(options, s3.CreateClient());
    }

    /// <summary>A fresh prefix for one test.</summary>
    public static string NewPrefix() => $"aspnet-{Guid.NewGuid():N}/";

    /// <summary>The keys stored under <paramref name="prefix"/>.</summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(S3rverFixture s3, string prefix)
    {
        using AmazonS3Client client = s3.CreateClient();
        ListObjectsV2Response listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3rverFixture.Bucket, Prefix = prefix });
        var keys = new List<string>();
        foreach (S3Object item in listed.S3Objects ?? [])
        {
            keys.Add(item.Key);
        }

        return keys;
    }
}
