using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Integration;

/// <summary>Wrappers generated at build time, invoked as Lambda invokes them, against a real S3 server.</summary>
[Collection(S3rverTests.Name)]
public sealed class GeneratedHandlerS3Tests : IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly RecordingS3 _recorder;

    public GeneratedHandlerS3Tests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        (IAmazonS3 recording, _recorder) = RecordingS3.Wrap(_client);
        ReportHandlers.ClaimCheckRuntime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false }, recording);
    }

    public void Dispose()
    {
        ReportHandlers.ClaimCheckRuntime = null;
        _client.Dispose();
    }

    [Fact]
    public void Handler_string_names_the_wrapper()
    {
        Assert.Equal("PayloadGen.Tests::PayloadGen.Tests.Handlers.ReportHandlers::EchoClaimCheck", ReportHandlers.EchoClaimCheckHandler);
    }

    [Fact]
    public async Task Small_request_and_response_are_plain_JSON_without_S3()
    {
        Report report = TestPayloads.Report(5_000);
        byte[] request = TestPayloads.Utf8(report);

        await using Stream response = await ReportHandlers.EchoClaimCheck(new MemoryStream(request), new TestLambdaContext(TimeSpan.FromMinutes(1)));

        using var copy = new MemoryStream();
        await response.CopyToAsync(copy);
        Assert.Equal(request, copy.ToArray());
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Twenty_megabytes_round_trip_in_both_directions_through_S3()
    {
        Report report = TestPayloads.Report(20 * 1024 * 1024, seed: 11);
        byte[] expected = TestPayloads.Utf8(report);
        ClaimCheckRuntime runtime = ReportHandlers.ClaimCheckRuntime!;
        PayloadPointer requestPointer = await runtime.OffloadAsync(new ReadOnlySequence<byte>(expected), CancellationToken.None);

        await using Stream response = await ReportHandlers.EchoClaimCheck(new MemoryStream(PayloadPointerWriter.ToUtf8(requestPointer)), new TestLambdaContext(TimeSpan.FromMinutes(1)));
        Report? echoed = await new ClaimCheckClient(runtime).ReadResponseAsync(response, TestPayloads.ReportType);

        Assert.Equal(expected, TestPayloads.Utf8(echoed!));
        Assert.Contains("GetObjectAsync", _recorder.Methods);
        Assert.Contains("CompleteMultipartUploadAsync", _recorder.Methods);
    }

    [Fact]
    public async Task Cancellation_token_fires_the_margin_before_the_Lambda_deadline()
    {
        var context = new TestLambdaContext(TimeSpan.FromMilliseconds(800));

        await using Stream response = await ReportHandlers.WaitForDeadlineClaimCheck(new MemoryStream(), context);

        string? result = JsonSerializer.Deserialize<string>(response);
        Assert.StartsWith("cancelled with ", result, StringComparison.Ordinal);
        Assert.True(context.RemainingTime > TimeSpan.Zero, "the handler must finish before the deadline");
    }
}
