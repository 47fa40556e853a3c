using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Serialization;

/// <summary>
/// The mark that tells Annotations' inner serializer calls from an invocation's own request and response lasts one
/// invocation, whatever the handler does: a host that runs invocations in its own synchronous loop (one thread, one
/// execution context, no async method per invocation) must not carry an HTTP invocation that threw into the next one.
/// The invocations here run synchronously one after the other in the test's own flow, never in an async method of their
/// own: that would restore the context after each and hide a leak.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class HttpInvocationScopeTests : IDisposable
{
    private const int Threshold = 4096;

    private readonly AmazonS3Client _client;
    private readonly ClaimCheckRuntime _runtime;

    public HttpInvocationScopeTests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        _runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false, InlineThresholdBytes = Threshold }, _client);
    }

    public void Dispose() => _client.Dispose();

    private static TestLambdaContext Context => new(TimeSpan.FromMinutes(1));

    [Fact]
    public async Task A_plain_invocation_after_an_http_invocation_that_threw_answers_a_pointer()
    {
        var serializer = new TestClaimCheckSerializer(_runtime);
        var annotations = new ReportFunctions_GetReport_Generated(new TestClaimCheckSerializer(_runtime));

        // The [FromBody] is read, then the user's method throws (a negative row count): no proxy response is serialized.
        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaRuntimeHarness.Invoke<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
            serializer, ProxyEvents.HttpApiRequest("{\"Rows\":-1}"), annotations.GetReport, Context));

        byte[] answer = LambdaRuntimeHarness.Invoke<ReportQuery, ReportRows>(
            serializer, Encoding.UTF8.GetBytes("{\"Rows\":60,\"Region\":\"plain\"}"), (query, _) => ReportFunctions.GetReport(query), Context);

        Assert.True(PayloadPointerReader.TryRead(answer, allowBareShape: false, out PayloadPointer? pointer), "a response over the threshold is a pointer, not an HTTP body written inline");
        ReportRows stored = (await _runtime.ReadAsync(pointer!, ClaimCheckJson.GetTypeInfo<ReportRows>(), CancellationToken.None))!;
        Assert.Equal("plain", stored.Region);
        Assert.Equal(ReportFunctions.GetReport(new ReportQuery { Rows = 60, Region = "plain" }).Rows, stored.Rows);
    }

    [Fact]
    public async Task A_plain_invocation_after_an_http_invocation_that_threw_hydrates_its_pointer_request()
    {
        var serializer = new TestClaimCheckSerializer(_runtime);
        var annotations = new ReportFunctions_GetReport_Generated(new TestClaimCheckSerializer(_runtime));
        byte[] requestJson = JsonSerializer.SerializeToUtf8Bytes(new ReportQuery { Rows = 2, Region = new string('q', 3 * Threshold) });
        PayloadPointer offloaded = await _runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(requestJson), CancellationToken.None);

        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaRuntimeHarness.Invoke<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
            serializer, ProxyEvents.HttpApiRequest("{\"Rows\":-1}"), annotations.GetReport, Context));

        // Within an HTTP invocation only upload-slot pointers are followed; this one is the next invocation's own request.
        ReportQuery? received = null;
        LambdaRuntimeHarness.Invoke<ReportQuery, int>(serializer, PayloadPointerWriter.ToUtf8(offloaded), (query, _) => { received = query; return query.Rows; }, Context);

        Assert.Equal(2, received!.Rows);
        Assert.Equal(3 * Threshold, received.Region!.Length);
    }

    [Fact]
    public async Task An_http_invocation_after_a_plain_invocation_that_threw_redirects_to_its_inline_body()
    {
        var serializer = new TestClaimCheckSerializer(_runtime);
        var annotations = new ReportFunctions_GetReport_Generated(new TestClaimCheckSerializer(_runtime));

        Assert.Throws<InvalidOperationException>(() => LambdaRuntimeHarness.Invoke<ReportQuery, ReportRows>(
            serializer, Encoding.UTF8.GetBytes("{\"Rows\":1}"), (_, _) => throw new InvalidOperationException("the handler failed"), Context));

        byte[] answer = LambdaRuntimeHarness.Invoke<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
            serializer, ProxyEvents.HttpApiRequest("{\"Rows\":60,\"Region\":\"http\"}"), annotations.GetReport, Context);

        using JsonDocument response = JsonDocument.Parse(answer);
        Assert.Equal(303, response.RootElement.GetProperty("statusCode").GetInt32());
        string location = response.RootElement.GetProperty("headers").GetProperty("Location").GetString()!;
        using var http = new HttpClient();
        ReportRows body = JsonSerializer.Deserialize<ReportRows>(await http.GetByteArrayAsync(new Uri(location)))!;
        Assert.Equal("http", body.Region);
        Assert.Equal(60, body.Rows.Count);
    }

    [Fact]
    public void Two_http_invocations_in_a_row_after_one_that_threw_each_read_their_own_body()
    {
        var serializer = new TestClaimCheckSerializer(_runtime);
        var annotations = new ReportFunctions_GetReport_Generated(new TestClaimCheckSerializer(_runtime));

        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaRuntimeHarness.Invoke<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
            serializer, ProxyEvents.HttpApiRequest("{\"Rows\":-1}"), annotations.GetReport, Context));
        string[] regions = ["first", "second"];
        APIGatewayHttpApiV2ProxyResponse[] responses = regions.Select(region => JsonSerializer.Deserialize<APIGatewayHttpApiV2ProxyResponse>(
            LambdaRuntimeHarness.Invoke<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
                serializer, ProxyEvents.HttpApiRequest("{\"Rows\":1,\"Region\":\"" + region + "\"}"), annotations.GetReport, Context))!).ToArray();

        Assert.All(responses, response => Assert.Equal(200, response.StatusCode));
        Assert.Equal(regions, responses.Select(response => JsonSerializer.Deserialize<ReportRows>(response.Body)!.Region));
    }
}
