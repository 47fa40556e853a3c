using System;
using Xunit;

namespace PayloadGen.Tests.Pointers;

/// <summary>
/// Each refused key says which rule it broke: the reason is all an operator sees of a refused pointer (the key
/// itself is rendered escaped), so an empty or wrong reason would hide the attack.
/// </summary>
public sealed class ObjectKeyRefusalReasonTests
{
    [Theory]
    [InlineData("/payloadgen/a.json", "keys must not start with '/'.")]
    [InlineData("payloadgen/a\u0000.json", "keys must not contain control characters or backslashes.")]
    [InlineData("payloadgen\\..\\a.json", "keys must not contain control characters or backslashes.")]
    [InlineData("payloadgen/../a.json", "keys must not contain '.' or '..' path segments.")]
    [InlineData("payloadgen/./a.json", "keys must not contain '.' or '..' path segments.")]
    public void A_refused_key_names_the_rule_it_broke(string key, string reason)
        => Assert.Equal(reason, ObjectKeys.Problem(key));

    [Fact]
    public void A_key_with_a_lone_surrogate_names_the_Unicode_rule()
    {
        // Not theory data: xUnit's serialization of a theory row would replace the lone surrogate with U+FFFD.
        Assert.Equal("keys must be valid Unicode text (no unpaired surrogates).", ObjectKeys.Problem("payloadgen/\ud800.json"));
    }

    [Fact]
    public void The_pointer_refusal_carries_the_rule()
    {
        var policy = new PointerPolicy([AttackerBucket], "payloadgen/", long.MaxValue);

        var error = Assert.Throws<PayloadKeyNotAllowedException>(() => policy.Validate(new PayloadPointer(AttackerBucket, "payloadgen/../secret.json")));

        Assert.Contains("keys must not contain '.' or '..' path segments.", error.Message, StringComparison.Ordinal);
    }

    private const string AttackerBucket = "local";
}
