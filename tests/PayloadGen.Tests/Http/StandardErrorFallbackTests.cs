using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Http;

/// <summary>
/// Without an observer, what an operator must know goes to standard error (CloudWatch Logs in Lambda): an HTTP
/// response too large to send that could not be stored, and a refused upload pointer with the refusal's details,
/// which the client's 4xx answer leaves out.
/// </summary>
[Collection(ProcessWideStateTests.Name)]
public sealed class StandardErrorFallbackTests : IDisposable
{
    private readonly AmazonS3Client _client = new(new Amazon.Runtime.BasicAWSCredentials("a", "b"), Amazon.RegionEndpoint.USEast1);
    private readonly StringWriter _standardError = new();
    private readonly TextWriter _previous = Console.Error;

    public StandardErrorFallbackTests()
    {
        Console.SetError(_standardError);
    }

    public void Dispose()
    {
        Console.SetError(_previous);
        _client.Dispose();
    }

    [Fact]
    public async Task A_large_error_response_sent_as_is_is_logged_with_its_status_size_and_limit()
    {
        ClaimCheckRuntime runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = "b" }, _client);
        var response = new Dictionary<string, object> { ["statusCode"] = 500, ["body"] = new string('e', 2_000) };

        await using Stream answer = await runtime.DehydrateHttpResponseAsync(response, ClaimCheckJson.GetTypeInfo<Dictionary<string, object>>(), PayloadSource.ApiGatewayHttp, new HttpHandlerSettings(1_000, HttpOffloadAnswer.Default, 0), CancellationToken.None);

        Assert.Contains(
            $"PayloadGen: a 500 response of {answer.Length:N0} bytes is over the {1_000:N0}-byte limit of its HTTP source but was sent as is: only 2xx responses with a body are redirected to storage.",
            _standardError.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_upload_pointer_is_logged_with_the_refusals_details()
    {
        ClaimCheckRuntime runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = "b" }, _client);
        var refusal = new PayloadKeyNotAllowedException("b", "payloadgen/2026/x.json", "request bodies must come from an upload slot");

        using Stream answer = runtime.AnswerRefusedUpload(refusal, PayloadSource.ApiGatewayHttp);

        Assert.Contains($"PayloadGen: an HTTP request's upload pointer was refused: PayloadKeyNotAllowedException: {refusal.Message}", _standardError.ToString(), StringComparison.Ordinal);
    }
}
