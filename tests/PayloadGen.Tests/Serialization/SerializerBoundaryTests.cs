using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Serialization;

/// <summary>
/// The claim-check serializer at its edges, as a user and as an attacker would push it: a response exactly at the
/// threshold, streams that cannot seek, pointers inside uploaded bodies, refusals whose messages reach the client, and
/// blocking on store calls while the thread pool is saturated.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class SerializerBoundaryTests : IDisposable
{
    private const int Threshold = 4096;

    private readonly AmazonS3Client _client;
    private readonly RecordingS3 _recorder;
    private readonly ClaimCheckRuntime _runtime;
    private readonly TestClaimCheckSerializer _serializer;

    public SerializerBoundaryTests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        (IAmazonS3 recording, _recorder) = RecordingS3.Wrap(_client);
        _runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false, InlineThresholdBytes = Threshold }, recording);
        _serializer = new TestClaimCheckSerializer(_runtime);
    }

    public void Dispose() => _client.Dispose();

    private static TestLambdaContext Context => new(TimeSpan.FromMinutes(1));

    [Fact]
    public void A_response_exactly_at_the_threshold_is_inline_and_one_byte_more_is_stored()
    {
        ReportRows atThreshold = RowsOfLength(Threshold);
        byte[] inline = Serialize(atThreshold);
        Assert.Equal(Threshold, inline.Length);
        Assert.Equal(JsonSerializer.Deserialize<ReportRows>(inline)!.Region, atThreshold.Region);
        Assert.Empty(_recorder.Calls);

        byte[] answer = Serialize(RowsOfLength(Threshold + 1));
        Assert.True(PayloadPointerReader.TryRead(answer, allowBareShape: false, out PayloadPointer? pointer));
        Assert.Equal(Threshold + 1, pointer!.Size);
    }

    [Fact]
    public void A_proxy_response_exactly_at_the_threshold_goes_out_unchanged_and_one_byte_more_redirects()
    {
        APIGatewayHttpApiV2ProxyResponse atThreshold = ProxyResponseOfLength(Threshold);
        byte[] unchanged = Serialize(atThreshold);
        Assert.Equal(Threshold, unchanged.Length);
        Assert.Equal(atThreshold.Body, JsonSerializer.Deserialize<APIGatewayHttpApiV2ProxyResponse>(unchanged)!.Body);
        Assert.Empty(_recorder.Calls);

        using JsonDocument redirect = JsonDocument.Parse(Serialize(ProxyResponseOfLength(Threshold + 1)));
        Assert.Equal(303, redirect.RootElement.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public void Streams_that_cannot_seek_are_read_and_written_front_to_back()
    {
        ReportRows small = RowsOfLength(100);
        ForwardOnlyStream smallOut = ForwardOnlyStream.Writing();
        _serializer.Serialize(small, smallOut);
        Assert.Equal(Serialize(small), smallOut.Written);

        ReportRows large = ReportFunctions.GetReport(new ReportQuery { Rows = 200, Region = "large" });
        ForwardOnlyStream largeOut = ForwardOnlyStream.Writing();
        _serializer.Serialize(large, largeOut);
        Assert.True(PayloadPointerReader.TryRead(largeOut.Written, allowBareShape: false, out _));

        Assert.Equal(small.Region, _serializer.Deserialize<ReportRows>(ForwardOnlyStream.Reading(smallOut.Written)).Region);
        Assert.Equal(large.Rows, _serializer.Deserialize<ReportRows>(ForwardOnlyStream.Reading(largeOut.Written)).Rows);
    }

    [Fact]
    public async Task A_FromBody_upload_whose_content_is_itself_a_pointer_is_not_followed_a_second_time()
    {
        // A stored response (under the prefix, but not an upload) that the client would like the function to read.
        await using Stream storedResponse = await _runtime.DehydrateAsync(RowsOfLength(Threshold * 2), ClaimCheckJson.GetTypeInfo<ReportRows>(), PayloadSource.Direct, 0, CancellationToken.None);
        Assert.True(PayloadPointerReader.TryRead(ReadAll(storedResponse), allowBareShape: false, out PayloadPointer? inner));
        byte[] smuggled = PayloadPointerWriter.ToUtf8(inner!);
        PayloadPointer upload = await UploadAsync(smuggled);
        _recorder.Calls.Clear();

        byte[] answer = await LambdaRuntimeHarness.InvokeAsync<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
            _serializer, ProxyEvents.HttpApiRequest(PayloadPointerWriter.ToJson(upload)), new ReportFunctions_GetReport_Generated(new TestClaimCheckSerializer(_runtime)).GetReport, Context);

        // The upload is the body: the pointer inside it is read as the client's JSON (a query with no rows), never followed.
        APIGatewayHttpApiV2ProxyResponse response = JsonSerializer.Deserialize<APIGatewayHttpApiV2ProxyResponse>(answer)!;
        Assert.Equal(200, response.StatusCode);
        Assert.Empty(JsonSerializer.Deserialize<ReportRows>(response.Body)!.Rows);
        string[] read = _recorder.Calls.Where(call => call.Request is GetObjectRequest).Select(call => ((GetObjectRequest)call.Request!).Key).ToArray();
        Assert.Equal([upload.Key], read);
    }

    [Theory]
    [InlineData(S3rverFixture.ForeignBucket, "payloadgen/uploads/2026/12/06/a.json", typeof(PayloadBucketNotAllowedException))]
    [InlineData(S3rverFixture.Bucket, "payloadgen/2026/12/06/0f1e2d3c4b5a69788796a5b4c3d2e1f0.json", typeof(PayloadKeyNotAllowedException))]
    [InlineData(S3rverFixture.Bucket, "payloadgen/uploads/2026/12/06/0f1e2d3c4b5a69788796a5b4c3d2e1f0.json", typeof(PayloadNotFoundException))]
    public void A_refused_FromBody_pointer_tells_the_client_what_kind_of_refusal_without_bucket_key_or_prefix(string bucket, string key, Type refusal)
    {
        string pointer = PayloadPointerWriter.ToJson(new PayloadPointer(bucket, key) { Size = 10, Sha256 = new string('a', 64) });
        _serializer.Deserialize<APIGatewayHttpApiV2ProxyRequest>(new MemoryStream(ProxyEvents.HttpApiRequest(pointer)));
        var annotations = new TestClaimCheckSerializer(_runtime);

        HttpUploadRefusedException error = Assert.Throws<HttpUploadRefusedException>(() => annotations.Deserialize<ReportQuery>(new MemoryStream(Encoding.UTF8.GetBytes(pointer))));

        Assert.IsType(refusal, error.InnerException);
        Assert.Equal(400, error.StatusCode);
        foreach (string secret in new[] { bucket, S3rverFixture.Bucket, "payloadgen", "uploads", key })
        {
            Assert.DoesNotContain(secret, error.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Malformed_FromBody_json_is_reported_without_the_values_the_client_sent()
    {
        const string body = "{\"Rows\":\"4111-1111-1111-1111\",\"Region\":\"secret-region\"}";
        _serializer.Deserialize<APIGatewayHttpApiV2ProxyRequest>(new MemoryStream(ProxyEvents.HttpApiRequest(body)));

        PayloadJsonException error = Assert.Throws<PayloadJsonException>(() => new TestClaimCheckSerializer(_runtime).Deserialize<ReportQuery>(new MemoryStream(Encoding.UTF8.GetBytes(body))));

        Assert.Equal("$.Rows", error.Path);
        Assert.DoesNotContain("4111", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-region", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_calls_complete_while_the_thread_pool_is_saturated()
    {
        ThreadPool.GetMinThreads(out int workers, out _);
        using var started = new CountdownEvent(workers);
        using var release = new ManualResetEventSlim();
        Task[] blockers = Enumerable.Range(0, workers).Select(_ => Task.Run(() =>
        {
            started.Signal();
            release.Wait();
        })).ToArray();
        ReportRows large = ReportFunctions.GetReport(new ReportQuery { Rows = 2000, Region = "saturated" });
        ReportRows? readBack = null;
        Exception? failure = null;

        try
        {
            Assert.True(started.Wait(TimeSpan.FromSeconds(60)), "every minimum pool thread is held");

            // Lambda's runtime calls the serializer from its own loop; here a dedicated thread plays that part while
            // every thread the pool keeps ready is blocked, so each continuation needs a thread the pool must add.
            var invocation = new Thread(() =>
            {
                try
                {
                    using var pointer = new MemoryStream();
                    _serializer.Serialize(large, pointer);
                    pointer.Position = 0;
                    readBack = _serializer.Deserialize<ReportRows>(pointer);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            });
            invocation.Start();
            Assert.True(invocation.Join(TimeSpan.FromSeconds(120)), "the store calls finished under a saturated pool");
        }
        finally
        {
            release.Set();
            await Task.WhenAll(blockers);
        }

        Assert.Null(failure);
        Assert.Equal(large.Rows, readBack!.Rows);
        Assert.Contains(_recorder.Calls, call => call.Request is GetObjectRequest);
    }

    private byte[] Serialize<T>(T value)
    {
        using var output = new MemoryStream();
        _serializer.Serialize(value, output);
        return output.ToArray();
    }

    /// <summary>Rows whose JSON, as the serializer writes it, is exactly <paramref name="length"/> bytes.</summary>
    private ReportRows RowsOfLength(int length)
        => new() { Region = new string('r', length - Serialize(new ReportRows { Region = string.Empty }).Length) };

    /// <summary>A 200 proxy response whose JSON, as the serializer writes it, is exactly <paramref name="length"/> bytes.</summary>
    private APIGatewayHttpApiV2ProxyResponse ProxyResponseOfLength(int length)
    {
        static APIGatewayHttpApiV2ProxyResponse With(string body) => new()
        {
            StatusCode = 200,
            Body = body,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        };

        return With(new string('b', length - Serialize(With(string.Empty)).Length));
    }

    private async Task<PayloadPointer> UploadAsync(byte[] content)
    {
        UploadSlot slot = await _runtime.CreateUploadSlotAsync("application/json", lifetime: null, CancellationToken.None);
        using (var put = new HttpClient())
        {
            using var body = new ByteArrayContent(content);
            body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            using HttpResponseMessage uploaded = await put.PutAsync(slot.Url, body);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        return slot.PointerFor(content.Length, Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant());
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
