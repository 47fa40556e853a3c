using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace PayloadGen.Tests.Http;

/// <summary>
/// The exact proxy responses PayloadGen writes in a handler's place: the refusal of an upload pointer (status, reason,
/// a message that names no bucket or key, never cached, never base64) and the answer to a stored body (status
/// descriptions as ALB needs them and only then, multi-value headers as the handler wrote them).
/// </summary>
public sealed class HttpAnswerShapeTests
{
    public static TheoryData<Exception, int, string, string> Refusals => new()
    {
        { new PayloadTooLargeException("The object", 20, 10), 413, "Content Too Large", "The uploaded body is larger than this function accepts." },
        { new PayloadNotFoundException("payloads", "payloadgen/uploads/a.csv", null), 400, "Bad Request", "The upload pointer names no uploaded object: upload the body to the slot first." },
        { new PayloadIntegrityException("payloads", "payloadgen/uploads/a.csv", "SHA-256 differs"), 400, "Bad Request", "The uploaded object does not match the size or SHA-256 the upload pointer announces." },
        { new PayloadKeyNotAllowedException("payloads", "payloadgen/x.json", "not an upload"), 400, "Bad Request", "The request body is an upload pointer this function does not accept: use the pointer of an upload slot it handed out." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_upload_is_answered_with_its_status_and_a_message_naming_no_object(Exception error, int status, string reason, string message)
    {
        Assert.True(HttpUploadRefusal.IsClientError(error));

        foreach (PayloadSource source in new[] { PayloadSource.ApiGatewayHttp, PayloadSource.ApplicationLoadBalancer })
        {
            using Stream answer = HttpUploadRefusal.Answer(error, source);

            Assert.False(answer.CanWrite);
            string expected = "{\"statusCode\":" + status
                + (source == PayloadSource.ApplicationLoadBalancer ? ",\"statusDescription\":\"" + status + " " + reason + "\"" : string.Empty)
                + ",\"headers\":{\"Content-Type\":\"application/json\",\"Cache-Control\":\"no-store\"}"
                + ",\"body\":" + JsonSerializer.Serialize("{\"message\":" + JsonSerializer.Serialize(message) + "}")
                + ",\"isBase64Encoded\":false}";
            Assert.Equal(expected, ReadText(answer));
        }
    }

    [Fact]
    public void Store_outages_configuration_errors_and_bugs_are_not_the_clients_fault()
    {
        Assert.False(HttpUploadRefusal.IsClientError(new PayloadStoreException("S3 is down")));
        Assert.False(HttpUploadRefusal.IsClientError(new ClaimCheckConfigurationException("no bucket")));
        Assert.False(HttpUploadRefusal.IsClientError(new InvalidOperationException("bug")));
        Assert.True(HttpUploadRefusal.IsClientError(new MalformedPointerException("two buckets")));
        Assert.True(HttpUploadRefusal.IsClientError(new PayloadBucketNotAllowedException("someone-elses")));
    }

    [Theory]
    [InlineData(HttpOffloadAnswer.SeeOther, PayloadSource.ApplicationLoadBalancer, null, "303 See Other")]
    [InlineData(HttpOffloadAnswer.TemporaryRedirect, PayloadSource.ApplicationLoadBalancer, null, "307 Temporary Redirect")]
    [InlineData(HttpOffloadAnswer.Json, PayloadSource.ApplicationLoadBalancer, null, "201")]
    [InlineData(HttpOffloadAnswer.Json, PayloadSource.ApiGatewayRest, "201 Made", "201 Made")]
    [InlineData(HttpOffloadAnswer.SeeOther, PayloadSource.ApiGatewayRest, "201 Made", "303 See Other")]
    [InlineData(HttpOffloadAnswer.SeeOther, PayloadSource.ApiGatewayHttp, null, null)]
    [InlineData(HttpOffloadAnswer.Json, PayloadSource.FunctionUrl, null, null)]
    public void A_status_description_is_written_for_ALB_or_when_the_handler_wrote_one(HttpOffloadAnswer kind, PayloadSource source, string? handlerDescription, string? expected)
    {
        string description = handlerDescription is null ? string.Empty : ",\"statusDescription\":\"" + handlerDescription + "\"";
        using JsonDocument answer = Answer("{\"statusCode\":201" + description + ",\"body\":\"x\"}", kind, source);

        Assert.Equal(expected, answer.RootElement.TryGetProperty("statusDescription", out JsonElement written) ? written.GetString() : null);
    }

    [Fact]
    public void Multi_value_headers_keep_a_null_list_and_lose_the_ones_the_answer_replaces()
    {
        using JsonDocument answer = Answer(
            "{\"statusCode\":200,\"multiValueHeaders\":{\"X-Empty\":null,\"X-Two\":[\"a\",null],\"content-type\":[\"text/csv\"]},\"body\":\"x\"}",
            HttpOffloadAnswer.SeeOther,
            PayloadSource.ApplicationLoadBalancer);

        Assert.Equal(
            "{\"X-Empty\":null,\"X-Two\":[\"a\",null],\"Location\":[\"https://bucket.example/k?sig=1\"],\"Cache-Control\":[\"no-store\"]}",
            answer.RootElement.GetProperty("multiValueHeaders").GetRawText());
    }

    private static JsonDocument Answer(string response, HttpOffloadAnswer kind, PayloadSource source)
    {
        using HttpProxyResponse read = HttpProxyResponseReader.Read(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(response)));
        var offloaded = new OffloadedHttpBody(
            new PayloadPointer("bucket", "k") { Size = 1, Sha256 = new string('a', 64), Url = "https://bucket.example/k?sig=1" },
            new Uri("https://bucket.example/k?sig=1"),
            DateTimeOffset.UnixEpoch);
        return JsonDocument.Parse(HttpOffloadAnswerWriter.Write(read, offloaded, kind, source));
    }

    private static string ReadText(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
