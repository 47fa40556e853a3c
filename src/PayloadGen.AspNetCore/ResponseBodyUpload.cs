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
/// <remarks>
/// Every store call stops when the client goes away (<c>RequestAborted</c>) or the Lambda invocation's deadline nears
/// (its remaining time less the runtime's <see cref="ClaimCheckOptions.DeadlineMargin"/>): the write or completion then
/// throws, and disposal aborts the upload while there is still time to. A handler's own token on a write does not
/// stop the upload: a buffered write never looked at it either, and the handler observes its own token.
/// </remarks>
internal sealed class ResponseBodyUpload : IAsyncDisposable
{
    private readonly StreamedHttpBody _body;
    private readonly HttpContentHeaders _headers;
    private readonly int _status;
    private readonly LambdaDeadline _deadline;
    private readonly CancellationTokenSource _cancellation;

    private ResponseBodyUpload(StreamedHttpBody body, HttpContentHeaders headers, int status, long bytesWhenStarted, LambdaDeadline deadline, CancellationToken requestAborted)
    {
        _body = body;
        _headers = headers;
        _status = status;
        BytesWhenStarted = bytesWhenStarted;
        _deadline = deadline;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, deadline.Token);
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
        if (body is null)
        {
            return null;
        }

        HttpContext context = response.HttpContext;
        LambdaDeadline deadline = LambdaInvocationContext.RemainingTime(context) is TimeSpan remaining
            ? plan.Runtime.StartDeadline(remaining)
            : LambdaDeadline.None;
        return new ResponseBodyUpload(body, headers, response.StatusCode, bytesWritten, deadline, context.RequestAborted);
    }

    /// <summary>The headers stored with a body: as the handler set them on <paramref name="response"/>.</summary>
    public static HttpContentHeaders ContentHeaders(HttpResponse response)
        => new(response.ContentType, response.Headers.ContentDisposition, response.Headers.ContentEncoding);

    /// <summary>Appends <paramref name="data"/>; waits only when every part buffer is uploading.</summary>
    /// <exception cref="OperationCanceledException">The client went away, or the invocation's deadline is near.</exception>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data) => _body.WriteAsync(data, _cancellation.Token);

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
    /// <exception cref="OperationCanceledException">The client went away, or the invocation's deadline is near.</exception>
    public Task<OffloadedHttpBody> CompleteAsync() => _body.CompleteAsync(_cancellation.Token);

    /// <summary>Aborts the upload unless it completed.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _body.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _cancellation.Dispose();
            _deadline.Dispose();
        }
    }

    private ResponseChangedWhileStoredException Changed(string what, string? atStart, string? atEnd)
        => new(what, atStart, atEnd, BytesWhenStarted);
}
