using System;
using System.Globalization;
using Xunit;

namespace PayloadGen.Tests.Pointers;

/// <summary>
/// A refused pointer is logged and nothing else: its message is all an operator has to tell an attack from a
/// misconfiguration, so each refusal must name the object (key and bucket), the rule or the sizes, and the setting
/// that changes it.
/// </summary>
public sealed class PointerPolicyRefusalMessageTests
{
    private const string Bucket = "payloads";
    private const string Prefix = "payloadgen/";

    private readonly PointerPolicy _policy = new([Bucket], Prefix, maxPayloadBytes: 1_000_000);

    [Fact]
    public void An_oversized_pointer_names_the_object_its_bucket_both_sizes_and_the_setting()
    {
        var pointer = new PayloadPointer(Bucket, Prefix + "big.json") { Size = 1_000_001 };

        var error = Assert.Throws<PayloadTooLargeException>(() => _policy.Validate(pointer));

        Assert.StartsWith($"The payload object '{Prefix}big.json' in bucket '{Bucket}' is {1_000_001.ToString("N0", CultureInfo.CurrentCulture)} bytes, over the cap of {1_000_000.ToString("N0", CultureInfo.CurrentCulture)} bytes.", error.Message, StringComparison.Ordinal);
        Assert.Contains("PAYLOADGEN_MAX_PAYLOAD_BYTES", error.Message, StringComparison.Ordinal);
        Assert.Equal(1_000_001, error.Size);
        Assert.Equal(1_000_000, error.MaxBytes);
    }

    [Fact]
    public void A_key_outside_the_prefix_names_the_prefix_and_its_setting()
    {
        var error = Assert.Throws<PayloadKeyNotAllowedException>(() => _policy.Validate(new PayloadPointer(Bucket, "other/a.json")));

        Assert.Equal(
            $"The payload pointer names key 'other/a.json' in bucket '{Bucket}', which is not allowed: keys must start with the prefix '{Prefix}' (PAYLOADGEN_KEY_PREFIX).",
            error.Message);
        Assert.Equal(Bucket, error.Bucket);
        Assert.Equal("other/a.json", error.Key);
    }

    [Fact]
    public void A_bucket_outside_the_allow_list_is_named_with_its_setting()
    {
        var error = Assert.Throws<PayloadBucketNotAllowedException>(() => _policy.Validate(new PayloadPointer("someone-elses", Prefix + "a.json")));

        Assert.Contains("'someone-elses'", error.Message, StringComparison.Ordinal);
        Assert.Contains("PAYLOADGEN_ALLOWED_BUCKETS", error.Message, StringComparison.Ordinal);
    }
}
