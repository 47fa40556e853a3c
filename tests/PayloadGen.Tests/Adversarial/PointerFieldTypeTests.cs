using System;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// A marked pointer whose marker or location fields have the wrong JSON type is malformed, refused before the
/// store with a message that names the rule; it is never taken for inline data or for a pointer with a default.
/// </summary>
public sealed class PointerFieldTypeTests : IDisposable
{
    private static readonly byte[] Payload = "\"the real payload\""u8.ToArray();
    private static readonly string Rest =
        $"\"bucket\":\"{AttackerHarness.Bucket}\",\"key\":\"{AttackerHarness.Prefix}a.json\",\"size\":{Payload.Length},\"sha256\":\"{Sha256Hex.Of(Payload)}\"";

    private readonly AttackerHarness _h = new();

    public PointerFieldTypeTests() => _h.Plant(AttackerHarness.Prefix + "a.json", Payload);

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{\"version\":\"s3-pointer/1\"}")]
    [InlineData("[\"s3-pointer/1\"]")]
    public async Task A_marker_that_is_not_a_string_is_malformed(string marker)
    {
        string json = $"{{\"$payloadgen\":{marker},{Rest}}}";

        var error = await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());

        Assert.Contains("marker must be a string", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task A_marker_that_is_not_a_string_is_malformed_even_after_the_other_fields()
    {
        string json = $"{{{Rest},\"$payloadgen\":{{}}}}";

        var error = await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());

        Assert.Contains("marker must be a string", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.Opens);
    }

    [Theory]
    [InlineData("\"bucket\":1,")]
    [InlineData("\"key\":[\"payloadgen/a.json\"],")]
    public async Task A_location_field_that_is_not_a_string_leaves_the_pointer_incomplete(string field)
    {
        // The wrong-typed field is ignored, so the pointer lacks it; the valid one after it would be a duplicate.
        string json = $"{{\"$payloadgen\":\"s3-pointer/1\",{field}{Rest}}}";

        await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("{\"name\":\"local\"}")]
    [InlineData("[\"local\"]")]
    [InlineData("true")]
    public async Task An_extended_client_pointer_whose_s3BucketName_is_not_a_string_is_malformed(string bucket)
    {
        string json = $"[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{{\"s3BucketName\":{bucket},\"s3Key\":\"{AttackerHarness.Prefix}a.json\"}}]";

        var error = await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());

        Assert.Contains("wrong JSON type", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task An_extended_client_pointer_whose_s3Key_is_not_a_string_is_malformed()
    {
        string json = $"[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{{\"s3BucketName\":\"{AttackerHarness.Bucket}\",\"s3Key\":42}}]";

        var error = await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());

        Assert.Contains("wrong JSON type", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task An_extended_client_pointer_whose_s3BucketName_is_null_is_malformed()
    {
        string json = $"[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{{\"s3BucketName\":null,\"s3Key\":\"{AttackerHarness.Prefix}a.json\"}}]";

        var error = await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());

        Assert.Contains("both s3BucketName and s3Key", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.Opens);
    }
}
