using System;
using System.Buffers;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>
/// Every failure of a store call — opening, reading part-way, writing (single-part and multipart), deleting,
/// presigning — is a <see cref="PayloadStoreException"/> that names the object (escaped) and carries the cause,
/// never a raw <see cref="HttpRequestException"/> or SDK exception.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class S3StoreFailureTests : IDisposable
{
    private const int SixMegabytes = 6 * 1024 * 1024;

    // Legal S3 key characters that must still never reach a log line raw.
    private const string HostileKey = "payloadgen/line\u2028break.json";

    private readonly S3rverFixture _s3;
    private readonly FaultInjectingHttpClientFactory _faults = new();
    private readonly AmazonS3Client _client;
    private readonly ClaimCheckRuntime _runtime;

    public S3StoreFailureTests(S3rverFixture s3)
    {
        _s3 = s3;
        _client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = _faults, MaxErrorRetry = 0 });
        _runtime = RuntimeOver(_client);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task With_S3_unreachable_following_a_pointer_is_a_store_error_naming_the_object()
    {
        using AmazonS3Client unreachable = UnreachableClient();
        ClaimCheckRuntime runtime = RuntimeOver(unreachable);
        string pointer = PayloadPointerWriter.ToJson(new PayloadPointer(S3rverFixture.Bucket, HostileKey) { Size = 2, Sha256 = Sha256Hex.Of("{}"u8) });

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() =>
            runtime.HydrateAsync(Encoding.UTF8.GetBytes(pointer), TestPayloads.ReportType, false, CancellationToken.None).AsTask());

        AssertNames(error, "open", HostileKey);
        Assert.Contains("S3 could not be reached", error.Message, StringComparison.Ordinal);
        Assert.True(HasInner<HttpRequestException>(error) || HasInner<SocketException>(error), error.ToString());
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(SixMegabytes)]
    public async Task With_S3_unreachable_writing_is_a_store_error(int length)
    {
        using AmazonS3Client unreachable = UnreachableClient();
        ClaimCheckRuntime runtime = RuntimeOver(unreachable);

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => runtime.OffloadAsync(Content(length), CancellationToken.None));

        Assert.Equal("write", error.Operation);
        Assert.Equal(S3rverFixture.Bucket, error.Bucket);
        Assert.StartsWith(ClaimCheckOptions.DefaultKeyPrefix, error.Key, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task With_S3_unreachable_deleting_is_a_store_error()
    {
        using AmazonS3Client unreachable = UnreachableClient();
        ClaimCheckRuntime runtime = RuntimeOver(unreachable);

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => runtime.Store.DeleteAsync(new PayloadPointer(S3rverFixture.Bucket, HostileKey), CancellationToken.None));

        AssertNames(error, "delete", HostileKey);
    }

    [Fact]
    public async Task Without_credentials_presigning_is_a_store_error()
    {
        using var client = new AmazonS3Client(new UnavailableCredentials(), new AmazonS3Config { ServiceURL = _s3.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var store = new S3PayloadStore(client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket });

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => store.PresignReadAsync(new PayloadPointer(S3rverFixture.Bucket, HostileKey), TimeSpan.FromMinutes(5), CancellationToken.None));

        AssertNames(error, "presign a URL for", HostileKey);
        Assert.IsAssignableFrom<AmazonClientException>(error.InnerException);
    }

    [Theory]
    [InlineData(S3Fault.ConnectionReset, "S3 could not be reached")]
    [InlineData(S3Fault.SlowDown503, "S3 answered SlowDown (503)")]
    public async Task A_fault_while_opening_is_a_store_error(S3Fault fault, string detail)
    {
        PayloadPointer pointer = await _runtime.OffloadAsync(Content(1_000), CancellationToken.None);
        Inject(fault, pointer.Key);

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());

        AssertNames(error, "open", pointer.Key);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_reset_part_way_through_the_body_is_a_store_error()
    {
        byte[] json = TestPayloads.Utf8(TestPayloads.Report(200_000));
        PayloadPointer pointer = await _runtime.OffloadAsync(new ReadOnlySequence<byte>(json), CancellationToken.None);
        Inject(S3Fault.ResetMidBody, pointer.Key);

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());

        AssertNames(error, "finish reading", pointer.Key);
        Assert.True(HasInner<System.IO.IOException>(error), error.ToString());
    }

    [Theory]
    [InlineData(1_000, "payloadgen/")]                 // PutObject
    [InlineData(SixMegabytes, "uploads")]              // CreateMultipartUpload
    [InlineData(SixMegabytes, "partNumber=2")]         // the second UploadPart
    [InlineData(SixMegabytes, "uploadId=")]            // every step after the start, CompleteMultipartUpload included
    public async Task A_connection_reset_while_writing_is_a_store_error(int length, string step)
    {
        Inject(S3Fault.ConnectionReset, step);

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => _runtime.OffloadAsync(Content(length), CancellationToken.None));

        Assert.Equal("write", error.Operation);
        Assert.Contains("Connection reset by peer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "s3:PutObject and s3:PutObjectTagging (objects are tagged) on arn:aws:s3:::payloads/*, and")]
    [InlineData(true, "s3:PutObject and s3:PutObjectTagging (objects are tagged) on arn:aws:s3:::payloads/* and kms:GenerateDataKey plus kms:Decrypt (multipart uploads) on the KMS key, and")]
    public async Task Access_denied_on_a_write_names_every_permission_the_write_needs(bool kms, string expected)
    {
        var runtime = new ClaimCheckRuntime(
            new ClaimCheckOptions { Bucket = S3rverFixture.Bucket },
            new S3PayloadStore(_client, new S3PayloadStoreOptions
            {
                Bucket = S3rverFixture.Bucket,
                UseChunkEncoding = false,
                Objects = new S3ObjectSettings { Encryption = kms ? PayloadEncryption.Kms : PayloadEncryption.S3Managed },
            }));
        Inject(S3Fault.AccessDenied403, "payloadgen/");

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => runtime.OffloadAsync(Content(100), CancellationToken.None));

        Assert.Contains("S3 answered AccessDenied (403). The function's role needs " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_reset_while_deleting_is_a_store_error()
    {
        PayloadPointer pointer = await _runtime.OffloadAsync(Content(10), CancellationToken.None);
        Inject(S3Fault.ConnectionReset, pointer.Key);

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => _runtime.Store.DeleteAsync(pointer, CancellationToken.None));

        AssertNames(error, "delete", pointer.Key);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _runtime.OffloadAsync(Content(1_000), cancelled.Token));
    }

    private void Inject(S3Fault fault, string target)
    {
        _faults.TargetKey = target;
        _faults.Fault = fault;
    }

    private static ClaimCheckRuntime RuntimeOver(IAmazonS3 client)
        => new(
            new ClaimCheckOptions { Bucket = S3rverFixture.Bucket },
            new S3PayloadStore(client, new S3PayloadStoreOptions
            {
                Bucket = S3rverFixture.Bucket,
                UseChunkEncoding = false,
                MultipartThresholdBytes = 5 * 1024 * 1024,
                PartSizeBytes = 5 * 1024 * 1024,
            }));

    /// <summary>A client for a loopback port nobody listens on: every connection is refused at once.</summary>
    private static AmazonS3Client UnreachableClient()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
        {
            ServiceURL = $"http://127.0.0.1:{port}",
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(5),
        });
    }

    private static ReadOnlySequence<byte> Content(int length)
    {
        byte[] content = new byte[length];
        Random.Shared.NextBytes(content);
        return new ReadOnlySequence<byte>(content);
    }

    private static void AssertNames(PayloadStoreException error, string operation, string key)
    {
        Assert.Equal(operation, error.Operation);
        Assert.Equal(S3rverFixture.Bucket, error.Bucket);
        Assert.Equal(key, error.Key);
        Assert.Contains($"'{UntrustedName.Render(key)}'", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.DoesNotContain('\u2028', error.ToString());
    }

    private static bool HasInner<T>(Exception error)
        where T : Exception
    {
        for (Exception? inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the SDK's credential chain amounts to on a machine with none configured.</summary>
    private sealed class UnavailableCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("Failed to resolve AWS credentials.");

        public override Task<ImmutableCredentials> GetCredentialsAsync() => throw new AmazonClientException("Failed to resolve AWS credentials.");
    }
}
