using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Integration;

/// <summary>The claim check against a real S3 server: bytes, objects and refusals.</summary>
[Collection(S3rverTests.Name)]
public sealed class S3ClaimCheckTests : IDisposable
{
    private const int TwentyMegabytes = 20 * 1024 * 1024;

    private readonly S3rverFixture _s3;
    private readonly AmazonS3Client _client;
    private readonly IAmazonS3 _recordingClient;
    private readonly RecordingS3 _recorder;
    private readonly ClaimCheckRuntime _runtime;

    public S3ClaimCheckTests(S3rverFixture s3)
    {
        _s3 = s3;
        _client = s3.CreateClient();
        (_recordingClient, _recorder) = RecordingS3.Wrap(_client);
        _runtime = CreateRuntime(options => { });
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Small_response_goes_inline_without_any_S3_call()
    {
        Report report = TestPayloads.Report(10_000);

        await using Stream response = await _runtime.DehydrateAsync(report, TestPayloads.ReportType, PayloadSource.Direct, 0, CancellationToken.None);

        Assert.Equal(TestPayloads.Utf8(report), ReadAll(response));
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Response_of_20_MB_is_offloaded_by_multipart_upload_and_read_back_byte_for_byte()
    {
        Report report = TestPayloads.Report(TwentyMegabytes);
        byte[] expected = TestPayloads.Utf8(report);

        await using Stream response = await _runtime.DehydrateAsync(report, TestPayloads.ReportType, PayloadSource.Direct, 0, CancellationToken.None);
        byte[] pointerJson = ReadAll(response);

        Assert.True(PayloadPointerReader.TryRead(pointerJson, allowBareShape: false, out PayloadPointer? pointer));
        Assert.Equal(S3rverFixture.Bucket, pointer!.Bucket);
        Assert.StartsWith(ClaimCheckOptions.DefaultKeyPrefix, pointer.Key, StringComparison.Ordinal);
        Assert.Equal(expected.Length, pointer.Size);
        Assert.Contains("InitiateMultipartUploadAsync", _recorder.Methods);
        Assert.Equal(expected, await DownloadAsync(pointer.Key));

        Report? read = await _runtime.HydrateAsync(new MemoryStream(pointerJson), TestPayloads.ReportType, allowBarePointer: false, CancellationToken.None);
        Assert.Equal(expected, TestPayloads.Utf8(read!));
    }

    [Fact]
    public async Task Offloaded_response_carries_a_presigned_URL_that_serves_the_exact_bytes()
    {
        ClaimCheckRuntime runtime = CreateRuntime(options => options.PresignedUrlLifetime = TimeSpan.FromMinutes(5));
        Report report = TestPayloads.Report(7 * 1024 * 1024, seed: 3);

        await using Stream response = await runtime.DehydrateAsync(report, TestPayloads.ReportType, PayloadSource.Direct, 0, CancellationToken.None);
        Assert.True(PayloadPointerReader.TryRead(ReadAll(response), allowBareShape: false, out PayloadPointer? pointer));

        Assert.NotNull(pointer!.Url);
        Assert.Contains("X-Amz-Signature=", pointer.Url, StringComparison.Ordinal);
        using var http = new System.Net.Http.HttpClient();
        Assert.Equal(TestPayloads.Utf8(report), await http.GetByteArrayAsync(new Uri(pointer.Url)));
    }

    [Fact]
    public async Task Request_of_20_MB_behind_a_pointer_is_hydrated_byte_for_byte()
    {
        Report report = TestPayloads.Report(TwentyMegabytes, seed: 7);
        byte[] expected = TestPayloads.Utf8(report);
        PayloadPointer pointer = await _runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(expected), CancellationToken.None);

        Report? hydrated = await _runtime.HydrateAsync(new MemoryStream(PayloadPointerWriter.ToUtf8(pointer)), TestPayloads.ReportType, allowBarePointer: false, CancellationToken.None);

        Assert.Equal(expected, TestPayloads.Utf8(hydrated!));
    }

    [Fact]
    public async Task Single_part_upload_with_chunked_encoding_off_stores_exact_bytes()
    {
        byte[] content = TestPayloads.Utf8(TestPayloads.Report(2 * 1024 * 1024));

        PayloadPointer pointer = await _runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(content), CancellationToken.None);

        Assert.Contains("PutObjectAsync", _recorder.Methods);
        Assert.Equal(content, await DownloadAsync(pointer.Key));
    }

    [Fact]
    public async Task Silent_corruption_by_a_server_that_stores_aws_chunked_framing_is_caught()
    {
        // s3rver keeps the aws-chunked framing as part of the object (DESIGN §7); nothing in S3's own protocol
        // notices, so this is exactly what PayloadGen's length and SHA-256 checks are for.
        ClaimCheckRuntime runtime = CreateRuntime(options => options.S3ChunkedEncoding = true);
        byte[] content = TestPayloads.Utf8(TestPayloads.Report(100_000));

        PayloadPointer pointer = await runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(content), CancellationToken.None);

        Assert.NotEqual(content, await DownloadAsync(pointer.Key));
        await Assert.ThrowsAsync<PayloadIntegrityException>(() => runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Every_request_carries_the_expected_bucket_owner()
    {
        ClaimCheckRuntime runtime = CreateRuntime(options => options.ExpectedBucketOwner = "111122223333");
        byte[] content = TestPayloads.Utf8(TestPayloads.Report(100_000));

        PayloadPointer pointer = await runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(content), CancellationToken.None);
        await runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None);

        PutObjectRequest put = Assert.Single(_recorder.Calls.Select(call => call.Request).OfType<PutObjectRequest>());
        GetObjectRequest get = Assert.Single(_recorder.Calls.Select(call => call.Request).OfType<GetObjectRequest>());
        Assert.Equal("111122223333", put.ExpectedBucketOwner);
        Assert.Equal("111122223333", get.ExpectedBucketOwner);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tampered_object_fails_the_integrity_check(bool storeRecomputesItsEtag)
    {
        PayloadPointer pointer = await OffloadAsync(TestPayloads.Report(300_000));
        string file = _s3.ObjectFile(pointer.Bucket, pointer.Key);
        byte[] bytes = File.ReadAllBytes(file);
        int digit = Array.IndexOf(bytes, (byte)'1'); // Same length, still valid JSON: only a hash can tell.
        bytes[digit] = (byte)'2';
        File.WriteAllBytes(file, bytes);
        if (storeRecomputesItsEtag)
        {
            // s3rver then serves an ETag that matches the tampered bytes, so the SDK's MD5 check passes and
            // PayloadGen's own SHA-256 is the only guard left.
            File.Delete(file + ".md5");
        }

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(
            () => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());

        Assert.Contains(storeRecomputesItsEtag ? "SHA-256 differs" : "S3 SDK's checksum", error.Message, StringComparison.Ordinal);
        Assert.Equal(pointer.Key, error.Key);
    }

    [Fact]
    public async Task Truncated_object_fails_before_its_body_is_read()
    {
        PayloadPointer pointer = await OffloadAsync(TestPayloads.Report(300_000));
        string file = _s3.ObjectFile(pointer.Bucket, pointer.Key);
        byte[] bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(
            () => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());

        Assert.Contains("the pointer announced", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pointer_to_a_bucket_not_allowed_is_refused_without_any_S3_call()
    {
        PayloadPointer pointer = await OffloadAsync(TestPayloads.Report(1000));
        _recorder.Calls.Clear();
        byte[] forged = PayloadPointerWriter.ToUtf8(pointer with { Bucket = S3rverFixture.ForeignBucket });

        var error = await Assert.ThrowsAsync<PayloadBucketNotAllowedException>(
            () => _runtime.HydrateAsync(new MemoryStream(forged), TestPayloads.ReportType, allowBarePointer: false, CancellationToken.None).AsTask());

        Assert.Equal(S3rverFixture.ForeignBucket, error.Bucket);
        Assert.Empty(_recorder.Calls);
    }

    [Theory]
    [InlineData("elsewhere/object.json")]
    [InlineData("payloadgen/../elsewhere/object.json")]
    [InlineData("payloadgen")]
    public async Task Pointer_outside_the_prefix_is_refused_without_any_S3_call(string key)
    {
        byte[] forged = PayloadPointerWriter.ToUtf8(new PayloadPointer(S3rverFixture.Bucket, key) { Size = 10, Sha256 = new string('a', 64) });

        await Assert.ThrowsAsync<PayloadKeyNotAllowedException>(
            () => _runtime.HydrateAsync(new MemoryStream(forged), TestPayloads.ReportType, allowBarePointer: false, CancellationToken.None).AsTask());

        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Missing_object_is_a_specific_error()
    {
        var pointer = new PayloadPointer(S3rverFixture.Bucket, "payloadgen/never/written.json") { Size = 10, Sha256 = new string('a', 64) };

        var error = await Assert.ThrowsAsync<PayloadNotFoundException>(
            () => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());

        Assert.Equal(pointer.Key, error.Key);
    }

    [Fact]
    public async Task Pointer_announcing_more_than_the_cap_is_refused_without_any_S3_call()
    {
        ClaimCheckRuntime runtime = CreateRuntime(options => options.MaxPayloadBytes = 1024 * 1024);
        var pointer = new PayloadPointer(S3rverFixture.Bucket, "payloadgen/huge.json") { Size = 5L * 1024 * 1024 * 1024, Sha256 = new string('a', 64) };

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(
            () => runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());

        Assert.Equal(5L * 1024 * 1024 * 1024, error.Size);
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Object_over_the_cap_behind_a_sizeless_pointer_is_refused_from_its_headers()
    {
        PayloadPointer stored = await OffloadAsync(TestPayloads.Report(2 * 1024 * 1024));
        ClaimCheckRuntime runtime = CreateRuntime(options => options.MaxPayloadBytes = 1024 * 1024);
        _recorder.Calls.Clear();
        byte[] bare = Encoding.UTF8.GetBytes($$"""{"bucket":"{{stored.Bucket}}","key":"{{stored.Key}}"}""");

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(
            () => runtime.HydrateAsync(new MemoryStream(bare), TestPayloads.ReportType, allowBarePointer: true, CancellationToken.None).AsTask());

        Assert.Equal(stored.Size, error.Size);
        Assert.Equal(["GetObjectAsync"], _recorder.Methods);
    }

    [Fact]
    public async Task Bare_pointer_is_followed_when_the_request_type_cannot_have_that_shape()
    {
        Report report = TestPayloads.Report(50_000);
        PayloadPointer stored = await OffloadAsync(report);
        byte[] bare = Encoding.UTF8.GetBytes($$"""{"bucket":"{{stored.Bucket}}","key":"{{stored.Key}}"}""");

        Report? hydrated = await _runtime.HydrateAsync(new MemoryStream(bare), TestPayloads.ReportType, allowBarePointer: true, CancellationToken.None);

        Assert.Equal(TestPayloads.Utf8(report), TestPayloads.Utf8(hydrated!));
    }

    [Theory]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"payloads","key":"payloadgen/x.json","size":10}""")]
    [InlineData("""{"$payloadgen":"s3-pointer/9","bucket":"payloads","key":"payloadgen/x.json","size":10,"sha256":"aa"}""")]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"payloads","key":"payloadgen/x.json","size":"10","sha256":"aa"}""")]
    [InlineData("""["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"payloads"}]""")]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"payloads",""")]
    public async Task Malformed_pointer_is_a_specific_error_without_any_S3_call(string json)
    {
        await Assert.ThrowsAsync<MalformedPointerException>(
            () => _runtime.HydrateAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestPayloads.ReportType, allowBarePointer: false, CancellationToken.None).AsTask());

        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Stored_object_that_is_not_JSON_for_the_type_is_a_specific_error()
    {
        byte[] notAReport = Encoding.UTF8.GetBytes("""{"Title":"x","Rows":[{"Number":"not a number"}]}""");
        PayloadPointer pointer = await _runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(notAReport), CancellationToken.None);

        var error = await Assert.ThrowsAsync<PayloadJsonException>(
            () => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());

        Assert.Equal(typeof(Report), error.TargetType);
        Assert.Contains("$.Rows[0].Number", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inline_request_that_is_not_JSON_for_the_type_is_a_specific_error()
    {
        byte[] broken = Encoding.UTF8.GetBytes("""{"Title": "secret", "Rows": [ """);

        var error = await Assert.ThrowsAsync<PayloadJsonException>(
            () => _runtime.HydrateAsync(new MemoryStream(broken), TestPayloads.ReportType, allowBarePointer: false, CancellationToken.None).AsTask());

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Extended_client_pointer_is_followed()
    {
        Report report = TestPayloads.Report(20_000);
        PayloadPointer stored = await OffloadAsync(report);
        string python = $$"""["software.amazon.payloadoffloading.PayloadS3Pointer", {"s3BucketName": "{{stored.Bucket}}", "s3Key": "{{stored.Key}}"}]""";

        Report? hydrated = await _runtime.HydrateAsync(new MemoryStream(Encoding.UTF8.GetBytes(python)), TestPayloads.ReportType, allowBarePointer: false, CancellationToken.None);

        Assert.Equal(TestPayloads.Utf8(report), TestPayloads.Utf8(hydrated!));
    }

    private ClaimCheckRuntime CreateRuntime(Action<ClaimCheckOptions> configure)
    {
        var options = new ClaimCheckOptions { Bucket = S3rverFixture.Bucket, S3ChunkedEncoding = false };
        configure(options);
        return ClaimCheckRuntime.Create(options, _recordingClient);
    }

    private async Task<PayloadPointer> OffloadAsync(Report report)
    {
        PayloadPointer pointer = await _runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(TestPayloads.Utf8(report)), CancellationToken.None);
        _recorder.Calls.Clear();
        return pointer;
    }

    private async Task<byte[]> DownloadAsync(string key)
    {
        using GetObjectResponse response = await _client.GetObjectAsync(S3rverFixture.Bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
