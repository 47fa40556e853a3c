using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PayloadGen.AspNetCore;

/// <summary>
/// Turns a response whose body was stored into the answer the client gets: a redirect to the presigned URL, or the
/// URL in a small JSON body. Every other header the handler set stays — CORS headers above all, without which a
/// browser will not follow — and so do its cookies.
/// </summary>
internal static class OffloadedAnswer
{
    /// <summary>The marker of the JSON answer.</summary>
    internal const string JsonMarker = "http-url/1";

    // These describe the stored body, not the answer: S3 serves them with the object.
    private static readonly string[] s_bodyHeaders =
    [
        HeaderNames.ContentType,
        HeaderNames.ContentLength,
        HeaderNames.ContentEncoding,
        HeaderNames.ContentDisposition,
        HeaderNames.ContentLanguage,
        HeaderNames.ContentRange,
        HeaderNames.ContentMD5,
        HeaderNames.ETag,
        HeaderNames.LastModified,
        HeaderNames.AcceptRanges,
    ];

    public static async Task WriteAsync(HttpResponse response, OffloadedResponseAnswer answer, string url, CancellationToken cancellationToken)
    {
        foreach (string header in s_bodyHeaders)
        {
            response.Headers.Remove(header);
        }

        // The URL is a short-lived bearer token: no cache may keep the answer that carries it.
        response.Headers.CacheControl = "no-store";
        if (answer == OffloadedResponseAnswer.Json)
        {
            byte[] json = Json(url);
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = json.Length;
            await response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
            return;
        }

        response.StatusCode = answer == OffloadedResponseAnswer.TemporaryRedirect ? StatusCodes.Status307TemporaryRedirect : StatusCodes.Status303SeeOther;
        response.Headers.Location = url;
        response.ContentLength = 0;
    }

    private static byte[] Json(string url)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(url.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("$payloadgen", JsonMarker);
            writer.WriteString("url", url);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
