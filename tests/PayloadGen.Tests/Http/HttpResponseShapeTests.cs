using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Http;

/// <summary>What the runtime does with a response over an HTTP source's limit that it cannot redirect.</summary>
public sealed class HttpResponseShapeTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private ClaimCheckRuntime Runtime() => new(new ClaimCheckOptions { Bucket = "local" }, new FilePayloadStore(_folder.Path));

    private static HttpHandlerSettings Tiny => new(InlineThresholdBytes: 64, HttpOffloadAnswer.Default, PresignSeconds: 0);

    [Fact]
    public async Task A_response_that_is_not_a_proxy_response_is_a_clear_error_naming_what_is_missing()
    {
        var notProxy = new Dictionary<string, string> { ["body"] = new string('x', 200) };

        var error = await Assert.ThrowsAsync<HttpResponseShapeException>(async () =>
            await Runtime().DehydrateHttpResponseAsync(notProxy, ClaimCheckJson.GetTypeInfo<Dictionary<string, string>>(), PayloadSource.ApiGatewayHttp, Tiny, CancellationToken.None));

        Assert.Contains("\"statusCode\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_flagged_base64_that_is_not_base64_is_a_clear_error()
    {
        var response = new Dictionary<string, object> { ["statusCode"] = 200, ["body"] = new string('!', 200), ["isBase64Encoded"] = true };

        var error = await Assert.ThrowsAsync<HttpResponseShapeException>(async () =>
            await Runtime().DehydrateHttpResponseAsync(response, ClaimCheckJson.GetTypeInfo<Dictionary<string, object>>(), PayloadSource.ApiGatewayRest, Tiny, CancellationToken.None));

        Assert.Contains("base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_store_cannot_presign_so_a_large_body_says_to_use_S3()
    {
        var response = new Dictionary<string, object> { ["statusCode"] = 200, ["body"] = new string('x', 200) };

        var error = await Assert.ThrowsAsync<ClaimCheckConfigurationException>(async () =>
            await Runtime().DehydrateHttpResponseAsync(response, ClaimCheckJson.GetTypeInfo<Dictionary<string, object>>(), PayloadSource.FunctionUrl, Tiny, CancellationToken.None));

        Assert.Contains("PAYLOADGEN_STORE=s3", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task A_proxy_response_without_a_body_is_sent_as_is()
    {
        var response = new Dictionary<string, object> { ["statusCode"] = 204, ["headers"] = new Dictionary<string, string> { ["x-padding"] = new string('x', 200) } };

        await using Stream answer = await Runtime().DehydrateHttpResponseAsync(response, ClaimCheckJson.GetTypeInfo<Dictionary<string, object>>(), PayloadSource.ApiGatewayHttp, Tiny, CancellationToken.None);

        using JsonDocument proxy = await JsonDocument.ParseAsync(answer);
        Assert.Equal(204, proxy.RootElement.GetProperty("statusCode").GetInt32());
    }
}
