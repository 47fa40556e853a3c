using System.Buffers;
using System.Text;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Middleware;

/// <summary>
/// The size a body takes in Lambda's JSON response, checked against what Lambda's serializer (UnsafeRelaxedJsonEscaping)
/// actually writes for the same string.
/// </summary>
public sealed class LambdaBodySizeTests
{
    [Theory]
    [InlineData("plain ascii text, nothing to escape")]
    [InlineData("id,name\n1,\"quoted\"\r\n2,back\\slash\ttab")]
    [InlineData("control \u0001 and del \u007F")]
    [InlineData("backspace \b form feed \f vertical tab \v escape \u001B")]
    [InlineData("accents é, CJK 漢字, symbols €")]
    [InlineData("emoji 😀 and 🚀 outside the BMP")]
    [InlineData("html <b>&amp;</b> 'quotes' + `ticks`")]
    public void Text_estimate_is_never_below_what_Lambda_serializer_writes(string text)
    {
        byte[] body = Encoding.UTF8.GetBytes(text);

        long estimate = LambdaBodySize.Estimate(new ReadOnlySequence<byte>(body), "text/plain; charset=utf-8", contentEncoding: null);

        Assert.True(estimate >= SerializedLength(text), $"estimate {estimate} < serialized {SerializedLength(text)}");
        Assert.True(estimate <= SerializedLength(text) + 8, $"estimate {estimate} far above serialized {SerializedLength(text)}");
    }

    [Fact]
    public void Plain_text_counts_its_own_length()
    {
        byte[] body = Encoding.ASCII.GetBytes("abc,def 123");

        Assert.Equal(body.Length, LambdaBodySize.Estimate(new ReadOnlySequence<byte>(body), "text/csv", contentEncoding: null));
    }

    [Theory]
    [InlineData("image/png", null)]
    [InlineData("application/octet-stream", null)]
    [InlineData("application/pdf", null)]
    [InlineData("application/json", "gzip")]
    [InlineData("text/csv", "br")]
    public void Binary_or_compressed_body_counts_as_base64(string contentType, string? contentEncoding)
    {
        byte[] body = new byte[3000];

        Assert.Equal(4000, LambdaBodySize.Estimate(new ReadOnlySequence<byte>(body), contentType, contentEncoding));
    }

    [Fact]
    public void Unknown_type_counts_the_larger_of_base64_and_escaped_text()
    {
        byte[] quotes = Encoding.ASCII.GetBytes(new string('"', 300));
        byte[] letters = Encoding.ASCII.GetBytes(new string('a', 300));

        Assert.Equal(600, LambdaBodySize.Estimate(new ReadOnlySequence<byte>(quotes), "application/vnd.example", contentEncoding: null));
        Assert.Equal(400, LambdaBodySize.Estimate(new ReadOnlySequence<byte>(letters), contentType: null, contentEncoding: null));
    }

    private static long SerializedLength(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStringValue(text);
        }

        return buffer.WrittenCount - 2; // without the surrounding quotes
    }
}
