using System;
using System.Buffers;
using System.IO;
using System.Text.Json;

namespace PayloadGen;

/// <summary>
/// The answer to an HTTP request whose body is an upload pointer the function does not accept: the client's mistake
/// (or attack), so a 4xx proxy response rather than a function error that API Gateway would turn into a 502. The body
/// says what kind of refusal it was, never which bucket, key or prefix was involved; the details go to the log.
/// </summary>
internal static class HttpUploadRefusal
{
    /// <summary>
    /// Whether <paramref name="error"/> is about the pointer or the object the client uploaded; a store outage or a
    /// configuration error stays a function error.
    /// </summary>
    public static bool IsClientError(Exception error) => error is MalformedPointerException or PayloadBucketNotAllowedException
        or PayloadKeyNotAllowedException or PayloadTooLargeException or PayloadNotFoundException or PayloadIntegrityException;

    /// <summary>
    /// The status, reason phrase and client-facing message for <paramref name="error"/>: what kind of refusal it was,
    /// never which bucket, key or prefix was involved.
    /// </summary>
    public static (int Status, string Reason, string Message) Describe(Exception error) => error switch
    {
        PayloadTooLargeException => (413, "Content Too Large", "The uploaded body is larger than this function accepts."),
        PayloadNotFoundException => (400, "Bad Request", "The upload pointer names no uploaded object: upload the body to the slot first."),
        PayloadIntegrityException => (400, "Bad Request", "The uploaded object does not match the size or SHA-256 the upload pointer announces."),
        _ => (400, "Bad Request", "The request body is an upload pointer this function does not accept: use the pointer of an upload slot it handed out."),
    };

    /// <summary>The proxy response refusing the request.</summary>
    public static Stream Answer(Exception error, PayloadSource source)
    {
        (int status, string reason, string message) = Describe(error);

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", status);
            if (source == PayloadSource.ApplicationLoadBalancer)
            {
                writer.WriteString("statusDescription", status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + reason);
            }

            writer.WriteStartObject("headers");
            writer.WriteString(HttpHeaderNames.ContentType, "application/json");
            writer.WriteString(HttpHeaderNames.CacheControl, "no-store");
            writer.WriteEndObject();
            writer.WriteString("body", MessageJson(message));
            writer.WriteBoolean("isBase64Encoded", false);
            writer.WriteEndObject();
        }

        return new MemoryStream(buffer.WrittenSpan.ToArray(), writable: false);
    }

    private static string MessageJson(string message)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(body.WrittenSpan);
    }
}
