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
using WireRequest = PayloadGen.Tests.Infrastructure.HeaderRecordingHttpClientFactory.WireRequest;

namespace PayloadGen.Tests.Storage;

/// <summary>
/// Encryption, storage class and tags configured through the environment reach S3 on the wire: on every single-part
/// PutObject and every CreateMultipartUpload of an offload (never on the parts, where S3 refuses them), and the
/// objects round-trip through s3rver.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class ObjectSettingsOnTheWireTests : IDisposable
{
    private const string KmsKeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const int TwentyMegabytes = 20 * 1024 * 1024;

    private static readonly string[] SettingHeaders =
    [
        S3ObjectSettings.EncryptionHeader, S3ObjectSettings.KmsKeyIdHeader, S3ObjectSettings.BucketKeyHeader,
        S3ObjectSettings.StorageClassHeader, S3ObjectSettings.TaggingHeader,
    ];

    private readonly HeaderRecordingHttpClientFactory _wire = new();
    private readonly AmazonS3Client _client;

    public ObjectSettingsOnTheWireTests(S3rverFixture s3)
    {
        _client = s3.CreateClient(new AmazonS3Config { HttpClientFactory = _wire });
    }

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(5_000)]            // PutObject
    [InlineData(TwentyMegabytes)]  // CreateMultipartUpload + UploadPart × 5 (5 MiB parts)
    public async Task SSE_KMS_storage_class_and_tags_are_on_every_upload_of_an_offloaded_response(int size)
    {
        ClaimCheckRuntime runtime = Runtime(new()
        {
            ["PAYLOADGEN_SSE"] = "aws:kms",
            ["PAYLOADGEN_KMS_KEY_ID"] = KmsKeyArn,
            ["PAYLOADGEN_STORAGE_CLASS"] = "standard_ia",
            ["PAYLOADGEN_TAGS"] = "team=payments, cost-center=42",
        });
        Report report = TestPayloads.Report(size);

        PayloadPointer pointer = await DehydrateAsync(runtime, report);

        WireRequest start = Assert.Single(_wire.Requests, request => request.Path.EndsWith(pointer.Key, StringComparison.Ordinal) && (request.IsPutObject || request.IsCreateMultipartUpload));
        Assert.Equal(size > 16 * 1024 * 1024, start.IsCreateMultipartUpload);
        Assert.Equal("aws:kms", start.Header("x-amz-server-side-encryption"));
        Assert.Equal(KmsKeyArn, start.Header("x-amz-server-side-encryption-aws-kms-key-id"));
        Assert.Equal("true", start.Header("x-amz-server-side-encryption-bucket-key-enabled"));
        Assert.Equal("STANDARD_IA", start.Header("x-amz-storage-class"));
        Assert.Equal("payloadgen=1&payloadgen-direction=response&payloadgen-source=direct&team=payments&cost-center=42", start.Header("x-amz-tagging"));

        // S3 takes the settings for the whole object at the start; on a part it would refuse them.
        WireRequest[] parts = _wire.Requests.Where(request => request.IsUploadPart && request.Path.EndsWith(pointer.Key, StringComparison.Ordinal)).ToArray();
        long partBytes = new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket }.PartSizeBytes;
        Assert.Equal(size > 16 * 1024 * 1024 ? (TestPayloads.Utf8(report).Length + partBytes - 1) / partBytes : 0, parts.Length);
        Assert.All(parts, part => Assert.All(SettingHeaders, header => Assert.Null(part.Header(header))));

        // The round trip through s3rver: the object reads back, verified, and keeps its storage class.
        Report? read = await runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None);
        Assert.Equal(TestPayloads.Utf8(report), TestPayloads.Utf8(read!));
        GetObjectMetadataResponse stored = await _client.GetObjectMetadataAsync(S3rverFixture.Bucket, pointer.Key);
        Assert.Equal(S3StorageClass.StandardInfrequentAccess, stored.StorageClass);
    }

    [Fact]
    public async Task SSE_S3_sends_only_the_encryption_method()
    {
        ClaimCheckRuntime runtime = Runtime(new() { ["PAYLOADGEN_SSE"] = "AES256" });

        PayloadPointer pointer = await DehydrateAsync(runtime, TestPayloads.Report(5_000));

        WireRequest put = Assert.Single(_wire.Requests, request => request.IsPutObject && request.Path.EndsWith(pointer.Key, StringComparison.Ordinal));
        Assert.Equal("AES256", put.Header("x-amz-server-side-encryption"));
        Assert.Null(put.Header("x-amz-server-side-encryption-aws-kms-key-id"));
        Assert.Null(put.Header("x-amz-server-side-encryption-bucket-key-enabled"));
        Assert.Null(put.Header("x-amz-storage-class"));
        Assert.Equal("payloadgen=1&payloadgen-direction=response&payloadgen-source=direct", put.Header("x-amz-tagging"));
    }

    [Fact]
    public async Task The_bucket_key_can_be_turned_off_and_the_account_key_used()
    {
        ClaimCheckRuntime runtime = Runtime(new() { ["PAYLOADGEN_SSE"] = "aws:kms", ["PAYLOADGEN_S3_BUCKET_KEY"] = "false" });

        PayloadPointer pointer = await DehydrateAsync(runtime, TestPayloads.Report(5_000));

        WireRequest put = Assert.Single(_wire.Requests, request => request.IsPutObject && request.Path.EndsWith(pointer.Key, StringComparison.Ordinal));
        Assert.Equal("aws:kms", put.Header("x-amz-server-side-encryption"));
        Assert.Null(put.Header("x-amz-server-side-encryption-aws-kms-key-id"));
        Assert.Equal("false", put.Header("x-amz-server-side-encryption-bucket-key-enabled"));
    }

    [Fact]
    public async Task Requests_and_messages_are_encrypted_and_tagged_with_their_direction()
    {
        ClaimCheckRuntime runtime = Runtime(new() { ["PAYLOADGEN_SSE"] = "aws:kms", ["PAYLOADGEN_KMS_KEY_ID"] = KmsKeyArn });
        var client = new ClaimCheckClient(runtime) { Source = PayloadSource.AsyncInvoke };
        var offloader = new ClaimCheckMessageOffloader(runtime, new MessageOffloadOptions { AlwaysOffload = true });

        await using Stream request = await client.PrepareRequestAsync(TestPayloads.Report(2_000_000), TestPayloads.ReportType);
        OutgoingMessage message = await offloader.PrepareAsync("{\"order\":1}", null, CancellationToken.None);

        WireRequest[] puts = _wire.Requests.Where(r => r.IsPutObject).ToArray();
        Assert.Equal(
            ["payloadgen=1&payloadgen-direction=request&payloadgen-source=asyncinvoke", "payloadgen=1&payloadgen-direction=message"],
            puts.Select(put => put.Header("x-amz-tagging")));
        Assert.All(puts, put => Assert.Equal(("aws:kms", KmsKeyArn, "true"), (put.Header("x-amz-server-side-encryption"), put.Header("x-amz-server-side-encryption-aws-kms-key-id"), put.Header("x-amz-server-side-encryption-bucket-key-enabled"))));
        Assert.NotNull(message.Pointer);
    }

    [Fact]
    public async Task Tagging_can_be_turned_off_for_roles_without_PutObjectTagging()
    {
        ClaimCheckRuntime runtime = Runtime(new() { ["PAYLOADGEN_TAG_OBJECTS"] = "false" });

        PayloadPointer pointer = await DehydrateAsync(runtime, TestPayloads.Report(5_000));

        WireRequest put = Assert.Single(_wire.Requests, request => request.IsPutObject && request.Path.EndsWith(pointer.Key, StringComparison.Ordinal));
        Assert.All(SettingHeaders, header => Assert.Null(put.Header(header)));
    }

    [Fact]
    public async Task Upload_headers_for_presigned_uploads_are_exactly_what_a_PutObject_sends()
    {
        ClaimCheckRuntime runtime = Runtime(new()
        {
            ["PAYLOADGEN_SSE"] = "aws:kms",
            ["PAYLOADGEN_KMS_KEY_ID"] = "alias/payloads",
            ["PAYLOADGEN_STORAGE_CLASS"] = "INTELLIGENT_TIERING",
            ["PAYLOADGEN_TAGS"] = "team=a b/c@d",
        });
        var store = (S3PayloadStore)runtime.Store;
        var description = new PayloadDescription { Direction = OffloadDirection.Response, Source = PayloadSource.Direct };

        PayloadPointer pointer = await runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>("{}"u8.ToArray()), description, CancellationToken.None);

        WireRequest put = Assert.Single(_wire.Requests, request => request.IsPutObject && request.Path.EndsWith(pointer.Key, StringComparison.Ordinal));
        var onTheWire = SettingHeaders.Where(header => put.Header(header) is not null).ToDictionary(header => header, header => put.Header(header)!, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(onTheWire.OrderBy(h => h.Key), store.UploadHeaders(description).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase), new HeaderComparer());
        Assert.Equal("payloadgen=1&payloadgen-direction=response&payloadgen-source=direct&team=a%20b%2Fc%40d", store.UploadHeaders(description)["x-amz-tagging"]);
    }

    [Theory]
    [InlineData("AES256")]
    [InlineData(null)]
    public async Task A_multipart_upload_without_KMS_sends_no_KMS_header(string? encryption)
    {
        var variables = new Dictionary<string, string>();
        if (encryption is not null)
        {
            variables["PAYLOADGEN_SSE"] = encryption;
        }

        PayloadPointer pointer = await DehydrateAsync(Runtime(variables), TestPayloads.Report(TwentyMegabytes));

        // S3 refuses a Bucket Key or KMS key on an object that is not SSE-KMS.
        WireRequest start = Assert.Single(_wire.Requests, request => request.IsCreateMultipartUpload && request.Path.EndsWith(pointer.Key, StringComparison.Ordinal));
        Assert.Equal(encryption, start.Header("x-amz-server-side-encryption"));
        Assert.Null(start.Header("x-amz-server-side-encryption-aws-kms-key-id"));
        Assert.Null(start.Header("x-amz-server-side-encryption-bucket-key-enabled"));
        Assert.Null(start.Header("x-amz-storage-class"));
        Assert.Equal("payloadgen=1&payloadgen-direction=response&payloadgen-source=direct", start.Header("x-amz-tagging"));
    }

    [Fact]
    public async Task Settings_built_in_code_use_the_S3_Bucket_Key_unless_told_otherwise()
    {
        var settings = new S3ObjectSettings { Encryption = PayloadEncryption.Kms };
        var store = new S3PayloadStore(_client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false, Objects = settings });
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket }, store);
        var description = new PayloadDescription { Direction = OffloadDirection.Message };

        PayloadPointer pointer = await runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>("{\"order\":1}"u8.ToArray()), description, CancellationToken.None);

        WireRequest put = Assert.Single(_wire.Requests, request => request.IsPutObject && request.Path.EndsWith(pointer.Key, StringComparison.Ordinal));
        Assert.Equal("true", put.Header("x-amz-server-side-encryption-bucket-key-enabled"));
        Assert.Equal("true", settings.UploadHeaders(description)[S3ObjectSettings.BucketKeyHeader]);
    }

    [Fact]
    public void A_presigned_upload_must_send_the_Bucket_Key_switched_off_when_it_is()
    {
        var settings = new S3ObjectSettings { Encryption = PayloadEncryption.Kms, BucketKeyEnabled = false, TagObjects = false };
        var request = new GetPreSignedUrlRequest { BucketName = S3rverFixture.Bucket, Key = "payloadgen/uploads/a.csv", Verb = HttpVerb.PUT };

        settings.ApplyTo(request, new PayloadDescription { Direction = OffloadDirection.Request });

        Assert.Equal(
            new Dictionary<string, string> { [S3ObjectSettings.EncryptionHeader] = "aws:kms", [S3ObjectSettings.BucketKeyHeader] = "false" },
            request.Headers.Keys.ToDictionary(name => name, name => request.Headers[name]));
    }

    [Fact]
    public void Missing_arguments_are_refused_by_name()
    {
        var description = new PayloadDescription { Direction = OffloadDirection.Request };

        Assert.Equal("description", Assert.Throws<ArgumentNullException>(() => S3ObjectSettings.Default.UploadHeaders(null!)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => S3ObjectSettings.Default.ApplyTo((GetPreSignedUrlRequest)null!, description)).ParamName);
    }

    private ClaimCheckRuntime Runtime(Dictionary<string, string> variables)
    {
        variables["PAYLOADGEN_BUCKET"] = S3rverFixture.Bucket;
        variables["PAYLOADGEN_S3_CHUNKED_ENCODING"] = "false";
        variables["PAYLOADGEN_INLINE_THRESHOLD_BYTES"] = "1000";
        return ClaimCheckRuntime.Create(ClaimCheckOptions.FromEnvironment(name => variables.GetValueOrDefault(name)), _client);
    }

    private static async Task<PayloadPointer> DehydrateAsync(ClaimCheckRuntime runtime, Report report)
    {
        await using Stream response = await runtime.DehydrateAsync(report, TestPayloads.ReportType, PayloadSource.Direct, 0, CancellationToken.None);
        using var buffer = new MemoryStream();
        await response.CopyToAsync(buffer);
        Assert.True(PayloadPointerReader.TryRead(buffer.ToArray(), allowBareShape: false, out PayloadPointer? pointer), Encoding.UTF8.GetString(buffer.ToArray()));
        return pointer!;
    }

    private sealed class HeaderComparer : IEqualityComparer<KeyValuePair<string, string>>
    {
        public bool Equals(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
            => string.Equals(x.Key, y.Key, StringComparison.OrdinalIgnoreCase) && x.Value == y.Value;

        public int GetHashCode(KeyValuePair<string, string> obj) => StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Key);
    }
}
