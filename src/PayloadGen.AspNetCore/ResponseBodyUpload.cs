using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PayloadGen.AspNetCore;

/// <summary>
/// A response body that passed the threshold while it was being written, streaming into storage from then on, and
/// what the response looked like at that moment: the object is stored under those content headers, so at the end they
/// (and a status that may be stored) must still hold.
/// </summary>
internal sealed class ResponseBodyUpload : IAsyncDisposable
{
    private readonly StreamedHttpBody _body;
    private readonly HttpContentHeaders _headers;
    private readonly int _status;

    private ResponseBodyUpload(StreamedHttpBody body, HttpContentHeaders headers, int status, long bytesWhenStarted)
    {
        _body = body;
        _headers = headers;
        _status = status;
        BytesWhenStarted = bytesWhenStarted;
    }

    /// <summary>How much of the body had been written when it started streaming into storage.</summary>
    public long BytesWhenStarted { get; }

    /// <summary>Bytes stored so far.</summary>
    public long BytesWritten => _body.BytesWritten;

    /// <summary>
    /// Starts storing the body of <paramref name="response"/>, of which <paramref name="bytesWritten"/> bytes (over the
    /// plan's threshold) are written, with its content headers as they are now.
    /// </summary>
    /// <returns>The upload, or <see langword="null"/> when the store does not take parts (the body is stored whole at its end).</returns>
    /// <exception cref="ClaimCheckConfigurationException">The store cannot presign URLs, or the URL lifetime is out of range.</exception>
    public static ResponseBodyUpload? TryStart(HttpResponse response, ResponseOffloadPlan plan, TimeSpan? urlLifetime, long bytesWritten)
    {
        HttpContentHeaders headers = ContentHeaders(response);
        StreamedHttpBody? body = plan.Runtime.StartStreamedHttpBody(headers, plan.Source, urlLifetime, knownLongerThan: plan.Threshold);
        return body is null ? null : new ResponseBodyUpload(body, headers, response.StatusCode, bytesWritten);
    }

    /// <summary>The headers stored with a body: as the handler set them on <paramref name="response"/>.</summary>
    public static HttpContentHeaders ContentHeaders(HttpResponse response)
        => new(response.ContentType, response.Headers.ContentDisposition, response.Headers.ContentEncoding);

    /// <summary>Appends <paramref name="data"/>; waits only when every part buffer is uploading.</summary>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => _body.WriteAsync(data, cancellationToken);

    /// <summary>
    /// Fails when the handler changed the response since the body started streaming into storage in a way the
    /// stored object can no longer follow: a status that may not be stored, or other content headers.
    /// </summary>
    /// <exception cref="ResponseChangedWhileStoredException">The response changed.</exception>
    public void EnsureStillStorable(HttpResponse response)
    {
        if (!ResponseOffloadPlan.IsStorableStatus(response.StatusCode))
        {
            throw Changed("status", _status.ToString(CultureInfo.InvariantCulture), response.StatusCode.ToString(CultureInfo.InvariantCulture));
        }

        HttpContentHeaders now = ContentHeaders(response);
        if (!string.Equals(now.ContentType, _headers.ContentType, StringComparison.Ordinal))
        {
            throw Changed("Content-Type", _headers.ContentType, now.ContentType);
        }

        if (!string.Equals(now.ContentDisposition, _headers.ContentDisposition, StringComparison.Ordinal))
        {
            throw Changed("Content-Disposition", _headers.ContentDisposition, now.ContentDisposition);
        }

        if (!string.Equals(now.ContentEncoding, _headers.ContentEncoding, StringComparison.Ordinal))
        {
            throw Changed("Content-Encoding", _headers.ContentEncoding, now.ContentEncoding);
        }
    }

    /// <summary>Uploads the last part, completes the object and presigns its URL.</summary>
    public Task<OffloadedHttpBody> CompleteAsync(CancellationToken cancellationToken) => _body.CompleteAsync(cancellationToken);

    /// <summary>Aborts the upload unless it completed.</summary>
    public ValueTask DisposeAsync() => _body.DisposeAsync();

    private ResponseChangedWhileStoredException Changed(string what, string? atStart, string? atEnd)
        => new(what, atStart, atEnd, BytesWhenStarted);
}
