using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace PayloadGen;

/// <summary>
/// Writes the proxy response that replaces one whose body was stored: a redirect to the presigned URL (or the JSON
/// answer), in the shape the handler's response type has — the fields it wrote, in the order Lambda's serializer
/// writes them — keeping every header that does not describe the body, and the cookies.
/// </summary>
internal static class HttpOffloadAnswerWriter
{
    private const string NoStore = "no-store";
    private const string JsonContentType = "application/json";

    /// <summary>The answer's UTF-8 JSON.</summary>
    /// <param name="response">The handler's response.</param>
    /// <param name="offloaded">Where its body went.</param>
    /// <param name="answer">Redirect (303 or 307) or JSON; never <see cref="HttpOffloadAnswer.Default"/>.</param>
    /// <param name="source">The HTTP source; an ALB answer always carries <c>statusDescription</c>.</param>
    public static byte[] Write(HttpProxyResponse response, OffloadedHttpBody offloaded, HttpOffloadAnswer answer, PayloadSource source)
    {
        bool redirect = answer != HttpOffloadAnswer.Json;
        int status = answer switch
        {
            HttpOffloadAnswer.TemporaryRedirect => 307,
            HttpOffloadAnswer.Json => response.StatusCode,
            _ => 303,
        };
        string location = offloaded.Location.AbsoluteUri;
        var answerHeaders = redirect
            ? new[] { new KeyValuePair<string, string>(HttpHeaderNames.Location, location), new KeyValuePair<string, string>(HttpHeaderNames.CacheControl, NoStore) }
            : new[] { new KeyValuePair<string, string>(HttpHeaderNames.ContentType, JsonContentType), new KeyValuePair<string, string>(HttpHeaderNames.CacheControl, NoStore) };

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", status);
            if (source == PayloadSource.ApplicationLoadBalancer || response.StatusDescription is not null)
            {
                writer.WriteString("statusDescription", answer switch
                {
                    HttpOffloadAnswer.TemporaryRedirect => "307 Temporary Redirect",
                    HttpOffloadAnswer.Json => response.StatusDescription ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => "303 See Other",
                });
            }

            writer.WriteStartObject("headers");
            if (response.Headers is not null)
            {
                foreach (KeyValuePair<string, string?> header in response.Headers)
                {
                    if (!HttpHeaderNames.IsReplacedByAnswer(header.Key))
                    {
                        writer.WriteString(header.Key, header.Value);
                    }
                }
            }

            foreach (KeyValuePair<string, string> header in answerHeaders)
            {
                writer.WriteString(header.Key, header.Value);
            }

            writer.WriteEndObject();

            // An ALB target group with multi-value headers on reads only multiValueHeaders, so the answer's own
            // headers go there too whenever the handler used them.
            if (response.MultiValueHeaders is not null)
            {
                writer.WriteStartObject("multiValueHeaders");
                foreach (KeyValuePair<string, List<string?>?> header in response.MultiValueHeaders)
                {
                    if (HttpHeaderNames.IsReplacedByAnswer(header.Key))
                    {
                        continue;
                    }

                    writer.WritePropertyName(header.Key);
                    WriteStrings(writer, header.Value);
                }

                foreach (KeyValuePair<string, string> header in answerHeaders)
                {
                    writer.WriteStartArray(header.Key);
                    writer.WriteStringValue(header.Value);
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            if (response.Cookies is not null)
            {
                writer.WritePropertyName("cookies");
                WriteStrings(writer, response.Cookies);
            }

            writer.WriteString("body", redirect ? string.Empty : PayloadPointerWriter.ToJson(offloaded.Pointer));
            writer.WriteBoolean("isBase64Encoded", false);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, List<string?>? values)
    {
        if (values is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (string? value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
