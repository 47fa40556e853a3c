using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Runtime;

/// <summary>
/// A function whose payloads stay inline creates no S3 client, so it needs no region or credentials (a local run of a
/// small payload with <c>PAYLOADGEN_STORE=s3</c>), and its cold start does not pay for one.
/// </summary>
[Collection(nameof(InlineOnlyHandlers))]
public sealed class InlineWithoutS3ClientTests
{
    [Fact]
    public async Task A_wrapper_whose_payloads_stay_inline_runs_on_the_s3_store_without_region_or_client()
    {
        // What a local run of a small payload sees: PAYLOADGEN_STORE=s3, no AWS_REGION, no credentials, no endpoint.
        var environment = new Dictionary<string, string> { [EnvironmentVariables.Store] = "s3", [EnvironmentVariables.Bucket] = S3rverFixture.Bucket };
        ClaimCheckRuntime runtime = ClaimCheckRuntime.Create(ClaimCheckOptions.FromEnvironment(name => environment.GetValueOrDefault(name)));
        InlineOnlyHandlers.ClaimCheckRuntime = runtime;
        Report request = TestPayloads.Report(1_000);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(request, ClaimCheckJson.GetTypeInfo<Report>());

        await using Stream response = await InlineOnlyHandlers.EchoClaimCheck(new MemoryStream(body), new TestLambdaContext(TimeSpan.FromMinutes(1)));

        Assert.Equal(body, ReadAll(response));
        var store = Assert.IsType<S3PayloadStore>(runtime.Store);
        Assert.False(store.IsClientCreated);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
