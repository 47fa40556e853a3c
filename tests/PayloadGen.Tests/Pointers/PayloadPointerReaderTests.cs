using System.Text;
using Xunit;

namespace PayloadGen.Tests.Pointers;

public sealed class PayloadPointerReaderTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void Reads_a_PayloadGen_pointer_with_every_field()
    {
        string json = $$"""{"$payloadgen":"s3-pointer/1","bucket":"b","key":"payloadgen/k.json","size":42,"sha256":"{{Sha.ToUpperInvariant()}}","versionId":"v1","contentType":"application/json"}""";

        Assert.True(Read(json, allowBare: false, out PayloadPointer? pointer));

        Assert.Equal(new PayloadPointer("b", "payloadgen/k.json") { Size = 42, Sha256 = Sha, VersionId = "v1", ContentType = "application/json" }, pointer);
    }

    [Fact]
    public void Field_order_and_whitespace_do_not_matter_and_unknown_fields_are_tolerated()
    {
        string json = $$"""  {"size": 1, "future": {"x": [1]}, "sha256": "{{Sha}}", "key": "k", "bucket": "b", "$payloadgen": "s3-pointer/1"}  """;

        Assert.True(Read(json, allowBare: false, out PayloadPointer? pointer));

        Assert.Equal("k", pointer!.Key);
        Assert.Equal(PointerFormat.PayloadGen, pointer.Format);
    }

    [Fact]
    public void Writer_output_reads_back_to_the_same_pointer()
    {
        var pointer = new PayloadPointer("bucket-1", "payloadgen/2026/11/27/x.json") { Size = 6_300_000, Sha256 = Sha, ContentType = "application/json", Url = "https://bucket-1.s3.amazonaws.com/x?X-Amz-Signature=abc" };

        Assert.True(PayloadPointerReader.TryRead(PayloadPointerWriter.ToUtf8(pointer), false, out PayloadPointer? read));

        Assert.Equal(pointer, read);
    }

    [Fact]
    public void Writes_the_documented_wire_format()
    {
        var pointer = new PayloadPointer("b", "k") { Size = 3, Sha256 = Sha };

        Assert.Equal($$"""{"$payloadgen":"s3-pointer/1","bucket":"b","key":"k","size":3,"sha256":"{{Sha}}"}""", PayloadPointerWriter.ToJson(pointer));
        Assert.Equal("""["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"b","s3Key":"k"}]""", PayloadPointerWriter.ToJson(pointer, PointerFormat.ExtendedClient));
    }

    [Theory]
    [InlineData("""["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"ext-bucket","s3Key":"a/b"}]""")]
    [InlineData("""["software.amazon.payloadoffloading.PayloadS3Pointer", {"s3BucketName": "ext-bucket", "s3Key": "a/b"}]""")]
    [InlineData("""["com.amazon.sqs.javamessaging.MessageS3Pointer",{"s3Key":"a/b","s3BucketName":"ext-bucket"}]""")]
    public void Reads_Java_and_Python_extended_client_pointers(string json)
    {
        Assert.True(Read(json, allowBare: false, out PayloadPointer? pointer));

        Assert.Equal(new PayloadPointer("ext-bucket", "a/b") { Format = PointerFormat.ExtendedClient }, pointer);
    }

    [Fact]
    public void Bare_shape_is_a_pointer_only_when_allowed()
    {
        const string json = """{"bucket":"b","key":"payloadgen/k"}""";

        Assert.False(Read(json, allowBare: false, out _));
        Assert.True(Read(json, allowBare: true, out PayloadPointer? pointer));
        Assert.Equal(PointerFormat.Bare, pointer!.Format);
    }

    [Theory]
    [InlineData("""{"bucket":"b","key":"k","region":"eu-west-1"}""")]
    [InlineData("""{"bucket":"b","key":1}""")]
    [InlineData("""{"bucket":"b"}""")]
    [InlineData("""{"Bucket":"b","Key":"k"}""")]
    [InlineData("""{"bucket":"","key":"k"}""")]
    public void Data_resembling_the_bare_shape_stays_data(string json)
    {
        Assert.False(Read(json, allowBare: true, out _));
    }

    [Theory]
    [InlineData("""{"order":{"$payloadgen":"s3-pointer/1"}}""")]
    [InlineData("""["just","a","list"]""")]
    [InlineData("""[{"s3BucketName":"b","s3Key":"k"}]""")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("")]
    [InlineData("{ not json")]
    public void Inline_data_is_not_a_pointer(string json)
    {
        Assert.False(Read(json, allowBare: true, out _));
    }

    [Fact]
    public void Payloads_larger_than_any_pointer_are_not_scanned()
    {
        string json = "{\"$payloadgen\":\"s3-pointer/1\",\"padding\":\"" + new string('x', 20_000) + "\"}";

        Assert.False(Read(json, allowBare: true, out _));
    }

    [Theory]
    [InlineData("""{"$payloadgen":"s3-pointer/2","bucket":"b","key":"k","size":1,"sha256":"SHA"}""", "Unsupported PayloadGen pointer version")]
    [InlineData("""{"$payloadgen":1,"bucket":"b","key":"k"}""", "marker must be a string")]
    [InlineData("""{"$payloadgen":"s3-pointer/1","key":"k","size":1,"sha256":"SHA"}""", "non-empty \"bucket\" and \"key\"")]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"b","key":"k","sha256":"SHA"}""", "\"size\"")]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"b","key":"k","size":-1,"sha256":"SHA"}""", "\"size\"")]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"b","key":"k","size":1,"sha256":"abc"}""", "64 hexadecimal")]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"b","key":"k","size":1}""", "64 hexadecimal")]
    [InlineData("""{"$payloadgen":"s3-pointer/1","bucket":"b",""", "not valid JSON")]
    [InlineData("""["software.amazon.payloadoffloading.PayloadS3Pointer"]""", "must be")]
    [InlineData("""["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"b"}]""", "both s3BucketName and s3Key")]
    [InlineData("""["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"b","s3Key":"k"},"extra"]""", "exactly")]
    public void Marked_but_malformed_pointers_are_specific_errors(string json, string expectedMessage)
    {
        json = json.Replace("SHA", Sha, System.StringComparison.Ordinal);

        var error = Assert.Throws<MalformedPointerException>(() => Read(json, allowBare: false, out _));

        Assert.Contains(expectedMessage, error.Message, System.StringComparison.Ordinal);
    }

    private static bool Read(string json, bool allowBare, out PayloadPointer? pointer)
        => PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(json), allowBare, out pointer);
}
