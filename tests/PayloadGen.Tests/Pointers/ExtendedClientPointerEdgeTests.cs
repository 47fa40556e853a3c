using System.Text;
using Xunit;

namespace PayloadGen.Tests.Pointers;

/// <summary>
/// Edges of the extended-client pointer (<c>["&lt;class&gt;", {"s3BucketName":…,"s3Key":…}]</c>) that mutation
/// testing showed unguarded: nested values of unknown fields, arrays that are not JSON, and the exact refusal an
/// operator reads in the log for each way the pointer is malformed.
/// </summary>
public sealed class ExtendedClientPointerEdgeTests
{
    private const string Class = "\"software.amazon.payloadoffloading.PayloadS3Pointer\"";

    [Theory]
    [InlineData("""{"s3BucketName":"b","meta":{"s3BucketName":"evil","s3Key":"evil"},"s3Key":"k"}""")]
    [InlineData("""{"s3BucketName":"b","tags":["s3Key","evil"],"s3Key":"k"}""")]
    [InlineData("""{"meta":{"inner":{"s3Key":"evil"}},"s3Key":"k","n":1,"s3BucketName":"b"}""")]
    public void Nested_values_of_unknown_fields_are_skipped_whole(string body)
    {
        Assert.True(Read($"[{Class},{body}]", out PayloadPointer? pointer));

        Assert.Equal(new PayloadPointer("b", "k") { Format = PointerFormat.ExtendedClient }, pointer);
    }

    [Theory]
    [InlineData("[,]")]
    [InlineData("[}")]
    [InlineData("[tru]")]
    public void An_array_that_is_not_json_is_left_to_deserialization(string json)
    {
        Assert.False(Read(json, out PayloadPointer? pointer));
        Assert.Null(pointer);
    }

    [Theory]
    [InlineData("""{"s3BucketName":"b","s3BucketName":"c","s3Key":"k"}""", "An extended-client pointer names s3BucketName more than once.")]
    [InlineData("""{"s3BucketName":"b","s3\u0042ucketName":"c","s3Key":"k"}""", "An extended-client pointer names s3BucketName more than once.")]
    [InlineData("""{"s3Key":"k","s3BucketName":"b","s3Key":"other"}""", "An extended-client pointer names s3Key more than once.")]
    [InlineData("""{"s3BucketName":"b","s3Key":"k"},"second"]""", "An extended-client pointer must hold exactly the class name and one object.")]
    [InlineData("""{"s3BucketName":"b","s3Key":"k"},"second" """, "An extended-client pointer must hold exactly the class name and one object.")]
    [InlineData("""{"s3BucketName":"b","s3Key":"k" """, "The payload starts like an extended-client pointer but is not valid JSON.")]
    [InlineData("""{"s3BucketName":"b","s3Key":"k"}]]""", "The payload starts like an extended-client pointer but is not valid JSON.")]
    public void A_malformed_extended_client_pointer_is_refused_with_its_specific_message(string rest, string message)
    {
        var error = Assert.Throws<MalformedPointerException>(() => Read($"[{Class},{rest}", out _));

        Assert.Equal(message, error.Message);
    }

    private static bool Read(string json, out PayloadPointer? pointer)
        => PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(json), allowBareShape: false, out pointer);
}
