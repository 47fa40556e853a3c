using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PayloadGen.AspNetCore;

/// <summary>
/// Turns a response whose body was stored into the answer the client gets, by the same rules as a proxy response's
/// (<see cref="HttpHeaderNames.IsReplacedByAnswer"/>): a redirect to the presigned URL, or the handler's status with
/// the pointer as JSON. Every other header the handler set stays — CORS headers above all, without which a browser
/// will not follow — and so do its cookies.
/// </summary>
internal static class OffloadedAnswer
{
    private const string NoStore = "no-store";
    private const string JsonContentType = "application/json";

    public static async Task WriteAsync(HttpResponse response, OffloadedHttpBody offloaded, HttpOffloadAnswer answer, CancellationToken cancellationToken)
    {
        var replaced = new List<string>();
        foreach (string name in response.Headers.Keys)
        {
            if (HttpHeaderNames.IsReplacedByAnswer(name))
            {
                replaced.Add(name);
            }
        }

        foreach (string name in replaced)
        {
            response.Headers.Remove(name);
        }

        // The URL is a short-lived bearer token: no cache may keep an answer that carries it.
        response.Headers.CacheControl = NoStore;
        if (answer == HttpOffloadAnswer.Json)
        {
            byte[] json = PayloadPointerWriter.ToUtf8(offloaded.Pointer);
            response.ContentType = JsonContentType;
            response.ContentLength = json.Length;
            await response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
            return;
        }

        response.StatusCode = answer == HttpOffloadAnswer.TemporaryRedirect ? StatusCodes.Status307TemporaryRedirect : StatusCodes.Status303SeeOther;
        response.Headers.Location = offloaded.Location.AbsoluteUri;
        response.ContentLength = 0;
    }
}
