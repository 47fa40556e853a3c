using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Http;

/// <summary>
/// What an upload slot hands a client, decided without S3 (presigning is a local signature): the key under
/// <c>{prefix}uploads/</c> with the media type's extension, the bucket, the cap, the URL's lifetime within S3's
/// limits, the JSON the client reads, and the pointer it sends back. A slot that cannot work is refused before any
/// S3 call, naming what to configure.
/// </summary>
public sealed class UploadSlotContractTests : IDisposable
{
    private const string Bucket = "uploads-bucket";

    private readonly AmazonS3Client _client = new(new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "secret"), Amazon.RegionEndpoint.USEast1);
    private readonly IAmazonS3 _recording;
    private readonly RecordingS3 _recorder;
    private readonly TemporaryDirectory _folder = new();

    public UploadSlotContractTests()
    {
        (_recording, _recorder) = RecordingS3.Wrap(_client);
    }

    public void Dispose()
    {
        _client.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_slot_names_a_new_key_under_the_uploads_folder_the_bucket_the_cap_and_when_it_expires()
    {
        ClaimCheckRuntime runtime = Runtime(options => options.KeyPrefix = "tenant-a/");

        DateTimeOffset before = DateTimeOffset.UtcNow;
        UploadSlot slot = await runtime.CreateUploadSlotAsync("text/csv", TimeSpan.FromMinutes(10), CancellationToken.None);
        UploadSlot other = await runtime.CreateUploadSlotAsync("text/csv", TimeSpan.FromMinutes(10), CancellationToken.None);
        DateTimeOffset after = DateTimeOffset.UtcNow;

        Assert.Equal(Bucket, slot.Bucket);
        Assert.StartsWith("tenant-a/uploads/", slot.Key, StringComparison.Ordinal);
        Assert.EndsWith(".csv", slot.Key, StringComparison.Ordinal);
        Assert.NotEqual(slot.Key, other.Key);
        Assert.Equal(12_345_678, slot.MaxBytes);
        Assert.Equal("text/csv", slot.ContentType);
        Assert.InRange(slot.ExpiresAt, before + TimeSpan.FromMinutes(10), after + TimeSpan.FromMinutes(10));
        Assert.Equal("PUT", slot.Method);
        Assert.Equal("/" + slot.Key, slot.Url.AbsolutePath.Replace("/" + Bucket, string.Empty, StringComparison.Ordinal));
        PresignedLifetime.AssertSignedFor(slot.Url.Query, 600);
        Assert.Equal(["GetPreSignedURLAsync", "GetPreSignedURLAsync"], _recorder.Methods);
    }

    [Theory]
    [InlineData(1_000, 1)]            // the shortest lifetime S3 signs
    [InlineData(604_800_000, 604_800)] // the longest: 7 days
    public async Task A_lifetime_at_S3s_limits_is_signed_as_asked(long milliseconds, int expiresSeconds)
    {
        UploadSlot slot = await Runtime().CreateUploadSlotAsync("application/json", TimeSpan.FromMilliseconds(milliseconds), CancellationToken.None);

        PresignedLifetime.AssertSignedFor(slot.Url.Query, expiresSeconds);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(604_801_000)]
    [InlineData(-1_000)]
    public async Task A_lifetime_S3_would_not_sign_is_refused_before_any_S3_call(long milliseconds)
    {
        TimeSpan lifetime = TimeSpan.FromMilliseconds(milliseconds);

        var slot = await Assert.ThrowsAsync<ClaimCheckConfigurationException>(() => Runtime().CreateUploadSlotAsync("text/csv", lifetime, CancellationToken.None));
        var redirect = await Assert.ThrowsAsync<ClaimCheckConfigurationException>(() => Runtime().OffloadHttpBodyAsync(
            new System.Buffers.ReadOnlySequence<byte>("{}"u8.ToArray()), new HttpContentHeaders("application/json", null, null), PayloadSource.ApiGatewayHttp, lifetime, CancellationToken.None));

        Assert.Equal($"A presigned URL must live between 1 second and 7 days (S3's limit), not {lifetime}.", slot.Message);
        Assert.Equal(slot.Message, redirect.Message);
        Assert.Empty(_recorder.Calls);
    }

    [Theory]
    [InlineData(null, typeof(ArgumentNullException))]
    [InlineData("", typeof(ArgumentException))]
    [InlineData("  ", typeof(ArgumentException))]
    public async Task A_slot_without_a_content_type_is_refused(string? contentType, Type refusal)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Runtime().CreateUploadSlotAsync(contentType!, null, CancellationToken.None));

        Assert.IsType(refusal, error);
        Assert.Equal("contentType", error.ParamName);
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task A_slot_without_a_bucket_or_with_a_store_that_cannot_presign_says_what_to_configure()
    {
        ClaimCheckRuntime noBucket = ClaimCheckRuntime.Create(new ClaimCheckOptions(), _recording);
        var files = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket }, new FilePayloadStore(_folder.Path));

        var bucket = await Assert.ThrowsAsync<ClaimCheckConfigurationException>(() => noBucket.CreateUploadSlotAsync("text/csv", null, CancellationToken.None));
        var store = await Assert.ThrowsAsync<ClaimCheckConfigurationException>(() => files.CreateUploadSlotAsync("text/csv", null, CancellationToken.None));

        Assert.Equal("An upload slot needs a bucket to upload to. Set PAYLOADGEN_BUCKET.", bucket.Message);
        Assert.Equal("An upload slot needs a store that presigns URLs, and the FilePayloadStore cannot. Use the S3 store (PAYLOADGEN_STORE=s3).", store.Message);
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task The_slot_JSON_is_everything_the_client_needs_and_no_more()
    {
        UploadSlot slot = await Runtime(options => options.ServerSideEncryption = PayloadEncryption.S3Managed).CreateUploadSlotAsync("text/csv", null, CancellationToken.None);

        using JsonDocument json = JsonDocument.Parse(slot.ToJson());
        JsonElement root = json.RootElement;

        Assert.Equal(["url", "method", "headers", "maxBytes", "expiresAt", "pointer"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(slot.Url.AbsoluteUri, root.GetProperty("url").GetString());
        Assert.Equal("PUT", root.GetProperty("method").GetString());
        Assert.Equal(
            slot.Headers.OrderBy(h => h.Key, StringComparer.Ordinal),
            root.GetProperty("headers").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).OrderBy(h => h.Key, StringComparer.Ordinal));
        Assert.Equal(["Content-Type", "x-amz-server-side-encryption", "x-amz-tagging"], root.GetProperty("headers").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(12_345_678, root.GetProperty("maxBytes").GetInt64());
        Assert.Equal(slot.ExpiresAt, root.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(
            $"{{\"$payloadgen\":\"s3-pointer/1\",\"bucket\":\"{Bucket}\",\"key\":\"{slot.Key}\",\"contentType\":\"text/csv\"}}",
            root.GetProperty("pointer").GetRawText());
    }

    [Fact]
    public void The_pointer_a_client_sends_names_the_slot_and_what_was_uploaded()
    {
        var slot = new UploadSlot(new Uri("https://example.com/upload"), Bucket, "payloadgen/uploads/a.csv", "text/csv", 100, DateTimeOffset.UnixEpoch);
        string sha256 = new('A', 64);

        PayloadPointer pointer = slot.PointerFor(0, sha256);

        Assert.Equal(new PayloadPointer(Bucket, "payloadgen/uploads/a.csv") { Size = 0, Sha256 = new string('a', 64), ContentType = "text/csv" }, pointer);
        Assert.Equal(new Dictionary<string, string> { ["content-type"] = "text/csv" }, slot.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value));
        Assert.Equal("text/csv", slot.Headers["CONTENT-TYPE"]);
    }

    [Theory]
    [InlineData(-1, "0000000000000000000000000000000000000000000000000000000000000000", "size", "size ('-1') must be a non-negative value.")]
    [InlineData(1, "000000000000000000000000000000000000000000000000000000000000000", "sha256", "A SHA-256 must be 64 hexadecimal digits.")]
    [InlineData(1, "000000000000000000000000000000000000000000000000000000000000000g", "sha256", "A SHA-256 must be 64 hexadecimal digits.")]
    public void A_pointer_for_a_negative_size_or_a_malformed_hash_is_refused(long size, string sha256, string parameter, string message)
    {
        var slot = new UploadSlot(new Uri("https://example.com/upload"), Bucket, "payloadgen/uploads/a.csv", "text/csv", 100, DateTimeOffset.UnixEpoch);

        var error = Assert.ThrowsAny<ArgumentException>(() => slot.PointerFor(size, sha256));

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private ClaimCheckRuntime Runtime(Action<ClaimCheckOptions>? configure = null)
    {
        var options = new ClaimCheckOptions { Bucket = Bucket, MaxPayloadBytes = 12_345_678 };
        configure?.Invoke(options);
        return ClaimCheckRuntime.Create(options, _recording);
    }
}
