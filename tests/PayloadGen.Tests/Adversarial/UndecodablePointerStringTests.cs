using System;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// A JSON string that cannot become a .NET string (a lone surrogate escape) in any field of a marked pointer is a
/// malformed pointer. Were it skipped instead, parsing would stop there and the duplicate-field and trailing-content
/// checks after it would never run: the pointer would fail open.
/// </summary>
public sealed class UndecodablePointerStringTests : IDisposable
{
    private static readonly byte[] Payload = "\"the real payload\""u8.ToArray();

    private readonly AttackerHarness _h = new();

    public UndecodablePointerStringTests() => _h.Plant(AttackerHarness.Prefix + "a.json", Payload);

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("versionId")]
    [InlineData("contentType")]
    [InlineData("url")]
    [InlineData("bucket")]
    [InlineData("key")]
    [InlineData("sha256")]
    public async Task A_lone_surrogate_in_any_field_is_malformed_and_nothing_is_read(string field)
    {
        string json = $"{{\"$payloadgen\":\"s3-pointer/1\",\"{field}\":\"\\uD800\",{ValidFieldsExcept(field)}}}";

        var error = await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());

        Assert.Contains("wrong JSON type", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task A_lone_surrogate_cannot_hide_a_duplicate_bucket_that_follows_it()
    {
        string json = $"{{\"$payloadgen\":\"s3-pointer/1\",\"versionId\":\"\\uD800\",{ValidFieldsExcept("versionId")},\"bucket\":\"evil\"}}";

        await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Theory]
    [InlineData("s3BucketName")]
    [InlineData("s3Key")]
    public async Task A_lone_surrogate_in_an_extended_client_pointer_is_malformed(string field)
    {
        string bucket = field == "s3BucketName" ? "\\uD800" : AttackerHarness.Bucket;
        string key = field == "s3Key" ? "\\uD800" : AttackerHarness.Prefix + "a.json";
        string json = $"[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{{\"s3BucketName\":\"{bucket}\",\"s3Key\":\"{key}\"}}]";

        var error = await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());

        Assert.Contains("wrong JSON type", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.Opens);
    }

    private static string ValidFieldsExcept(string field)
    {
        var fields = new System.Collections.Generic.List<string>();
        if (field != "bucket")
        {
            fields.Add($"\"bucket\":\"{AttackerHarness.Bucket}\"");
        }

        if (field != "key")
        {
            fields.Add($"\"key\":\"{AttackerHarness.Prefix}a.json\"");
        }

        fields.Add($"\"size\":{Payload.Length}");
        if (field != "sha256")
        {
            fields.Add($"\"sha256\":\"{Sha256Hex.Of(Payload)}\"");
        }

        return string.Join(',', fields);
    }
}
