using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// The AWS SDK's paginators drained by <c>await foreach</c>, which the file held out after the sixth round
/// (Corpus/HeldOutAfterSixth.cs.txt, docs/rules/precision.md) exposed: known by their type, wherever the paginator is kept.
/// </summary>
public class SdkPaginatorTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Amazon.S3.Model;

        """;

    [Fact]
    public async Task Every_key_or_item_a_paginator_yields_is_likely_and_one_page_is_not()
    {
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer>
        {
            TestCode = Usings + """
                public class Inventory(IAmazonS3 s3, IAmazonDynamoDB dynamoDb)
                {
                    public async Task<List<string>> {|#0:AllKeys|}(string bucket, ILambdaContext context)
                    {
                        var keys = new List<string>();
                        var paginator = s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = bucket });
                        await foreach (var entry in paginator.S3Objects)
                        {
                            keys.Add(entry.Key);
                        }

                        return keys;
                    }

                    public async Task<List<Dictionary<string, AttributeValue>>> {|#1:AllItems|}(ILambdaContext context)
                    {
                        var items = new List<Dictionary<string, AttributeValue>>();
                        await foreach (var page in dynamoDb.Paginators.Scan(new ScanRequest { TableName = "t" }).Responses)
                        {
                            items.AddRange(page.Items);
                        }

                        return items;
                    }

                    public async Task<List<string>> FirstKeys(string bucket, ILambdaContext context) =>
                        (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 100 })).S3Objects.Select(o => o.Key).ToList();
                }
                """,
        };
        const string Advice = "; add [ClaimCheck] to offload large responses to S3";
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0).WithMessage(
            "The response of 'AllKeys' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: a loop fills 'keys' item by item (the SDK paginator's S3Objects enumerates every page of ListObjectsV2)" + Advice));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(1).WithMessage(
            "The response of 'AllItems' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: a loop fills 'items' item by item (the SDK paginator's Responses enumerates every page of Scan)" + Advice));
        await test.RunAsync();
    }
}
