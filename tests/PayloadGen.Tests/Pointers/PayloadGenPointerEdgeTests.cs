using System.Text;
using Xunit;

namespace PayloadGen.Tests.Pointers;

/// <summary>
/// Edges of the PayloadGen and bare pointer formats that mutation testing showed unguarded: the size limit's
/// boundary, a byte-order mark, comments, an empty object, unknown string fields, escaped names in the bare shape,
/// and the exact duplicate-field refusal an operator reads in the log.
/// </summary>
public sealed class PayloadGenPointerEdgeTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string Pointer = $$"""{"$payloadgen":"s3-pointer/1","bucket":"b","key":"payloadgen/k.json","size":42,"sha256":"{{Sha}}"}""";

    private static readonly PayloadPointer Expected = new("b", "payloadgen/k.json") { Size = 42, Sha256 = Sha };

    [Fact]
    public void A_pointer_of_exactly_the_maximum_pointer_length_is_read_and_one_byte_more_is_data()
    {
        // Trailing whitespace is valid JSON, so it pads a real pointer to the limit without changing it.
        string atLimit = Pointer.PadRight(PointerWireNames.MaxPointerBytes);
        Assert.Equal(PointerWireNames.MaxPointerBytes, Encoding.UTF8.GetByteCount(atLimit));

        Assert.True(Read(atLimit, allowBare: false, out PayloadPointer? pointer));
        Assert.Equal(Expected, pointer);

        Assert.False(Read(atLimit + " ", allowBare: false, out PayloadPointer? over));
        Assert.Null(over);
    }

    [Fact]
    public void A_pointer_after_a_byte_order_mark_and_whitespace_is_read()
    {
        Assert.True(Read("\uFEFF \r\n\t" + Pointer, allowBare: false, out PayloadPointer? pointer));

        Assert.Equal(Expected, pointer);
    }

    [Fact]
    public void Comments_between_and_after_pointer_fields_are_skipped()
    {
        // The payload must still start with '{' (only whitespace and a byte-order mark are trimmed before it).
        string json = $$"""
            {"$payloadgen":"s3-pointer/1", // the marker
              "bucket":"b", /* c */ "key":"payloadgen/k.json", "size":42, "sha256":"{{Sha}}" /* end */ } // trailer
            """;

        Assert.True(Read(json, allowBare: false, out PayloadPointer? pointer));

        Assert.Equal(Expected, pointer);
    }

    [Fact]
    public void A_pointer_to_an_empty_object_has_size_zero()
    {
        string json = $$"""{"$payloadgen":"s3-pointer/1","bucket":"b","key":"payloadgen/k.json","size":0,"sha256":"{{Sha}}"}""";

        Assert.True(Read(json, allowBare: false, out PayloadPointer? pointer));

        Assert.Equal(Expected with { Size = 0 }, pointer);
    }

    [Fact]
    public void An_unknown_string_field_is_ignored_and_never_becomes_the_url()
    {
        string json = $$"""{"$payloadgen":"s3-pointer/1","mirror":"https://attacker.example/x","bucket":"b","key":"payloadgen/k.json","size":42,"sha256":"{{Sha}}","note":"n"}""";

        Assert.True(Read(json, allowBare: false, out PayloadPointer? pointer));

        Assert.Null(pointer!.Url);
        Assert.Equal(Expected, pointer);
    }

    [Theory]
    [InlineData("""{"\u0062ucket":"b","key":"payloadgen/k"}""")]
    [InlineData("""{"bucket":"b","\u006bey":"payloadgen/k"}""")]
    public void A_bare_shape_with_an_escaped_name_stays_data(string json)
    {
        // Writers never escape these names; the vectorized pre-check looks for them in plain text, and what it does
        // not see is inline data, never a pointer (the safe direction for a shape that ordinary data can have).
        Assert.False(Read(json, allowBare: true, out PayloadPointer? pointer));
        Assert.Null(pointer);
    }

    [Theory]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"b","bucket":"c","key":"payloadgen/k.json","size":42,"sha256":"{{SHA}}"}""")]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"b","key":"payloadgen/k.json","key":"payloadgen/k.json","key":"payloadgen/x","size":42,"sha256":"{{SHA}}"}""")]
    public void A_repeated_field_is_refused_with_the_duplicate_message(string template)
    {
        string json = template.Replace("{{SHA}}", Sha, System.StringComparison.Ordinal);

        var error = Assert.Throws<MalformedPointerException>(() => Read(json, allowBare: false, out _));

        Assert.Equal("A PayloadGen pointer names the same field more than once.", error.Message);
    }

    private static bool Read(string json, bool allowBare, out PayloadPointer? pointer)
        => PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(json), allowBare, out pointer);
}
