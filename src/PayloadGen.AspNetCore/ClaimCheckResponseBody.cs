using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PayloadGen.AspNetCore;

/// <summary>
/// The response body a handler writes to under <c>UseClaimCheck()</c>: pooled memory, so the middleware can measure
/// the whole body before a byte goes out, then pass it through unchanged or store it and answer a redirect.
/// </summary>
/// <remarks>
/// <para>
/// A body that is known to be stored stops being buffered: once it is longer than the threshold (Lambda's count of a
/// body is never below its length) with a status that may be stored, it starts streaming into a multipart upload with
/// the content headers it has then; what was buffered goes first, and every later write goes to the parts, waiting
/// when all of them are uploading. So a stored body costs the threshold plus the parts in flight, whatever its length.
/// A body that stays under the threshold by length but not by Lambda's count (escaping, base64) is decided at its end,
/// as is any body when the store does not take parts (it is buffered whole, up to the cap).
/// </para>
/// <para>
/// Flushes and starts are absorbed while buffering. Lambda hosting buffers the whole response anyway, and the framework
/// and serializers flush and start as they go (<c>WriteAsJsonAsync</c>, <c>HttpResponse.WriteAsync(string)</c>,
/// <c>StreamWriter</c>), so honouring them would turn off the claim check for exactly the large bodies it exists for.
/// </para>
/// <para>
/// A handler that says it streams switches the body to pass-through for the rest of the response: it calls
/// <see cref="DisableBuffering"/> (as server-sent events and gRPC do), or answers <c>text/event-stream</c>. What was
/// buffered is written first, and from then on nothing is measured or offloaded: the limit can no longer be enforced
/// once the headers are out. A body already streaming into storage cannot be taken back: for it,
/// <see cref="DisableBuffering"/> changes nothing.
/// </para>
/// </remarks>
internal sealed class ClaimCheckResponseBody : IHttpResponseBodyFeature, IAsyncDisposable
{
    /// <summary>A synchronous write into storage goes through a pooled array of this size at a time.</summary>
    private const int SynchronousChunkBytes = 81_920;

    /// <summary>
    /// Once the body streams into storage, the most a pipe writer's unflushed bytes are held before they are moved into
    /// the upload at the writer's next <c>Advance</c> (half the cap when that is smaller). A writer that flushes as it
    /// goes (the framework's JSON results) never holds this much; one that never flushes (<c>PipeWriter.Write</c>, a
    /// <c>Utf8JsonWriter</c> over <c>BodyWriter</c>, whose <c>Flush</c> only advances the pipe) would otherwise hold the
    /// rest of its body, up to <see cref="ClaimCheckMiddlewareOptions.MaxBufferedBytes"/>.
    /// </summary>
    private const int UnflushedCutBytes = 1024 * 1024;

    private readonly IHttpResponseBodyFeature _inner;
    private readonly HttpResponse _response;
    private readonly long _maxBufferedBytes;
    private readonly ResponseOffloadPlan _plan;
    private readonly TimeSpan? _urlLifetime;
    private readonly long _unflushedCutBytes;

    /// <summary>The body while it is buffered; once it streams into storage, what a pipe writer wrote and has not yet moved there.</summary>
    private readonly PooledByteBuffer _buffer = new();
    private BufferingResponseStream? _stream;
    private BufferingResponseWriter? _writer;
    private bool _drainPending;
    private long _unflushedBytes;

    /// <summary>Set when the store turned out not to take parts: the body is buffered whole and stored at its end.</summary>
    private bool _storedWhole;

    public ClaimCheckResponseBody(IHttpResponseBodyFeature inner, HttpContext context, long maxBufferedBytes, ResponseOffloadPlan plan, TimeSpan? urlLifetime)
    {
        _inner = inner;
        _response = context.Response;
        _maxBufferedBytes = maxBufferedBytes;
        _plan = plan;
        _urlLifetime = urlLifetime;
        _unflushedCutBytes = Math.Max(1, Math.Min(UnflushedCutBytes, maxBufferedBytes / 2));
    }

    /// <summary>Whether the body is still held back from the client (no pass-through was asked for): buffered, or streaming into storage.</summary>
    public bool IsBuffering { get; private set; } = true;

    /// <summary>The upload the body streams into, once it passed the threshold; <see langword="null"/> while it is buffered.</summary>
    public ResponseBodyUpload? Upload { get; private set; }

    /// <summary>The bytes buffered so far; valid until the body is disposed. The whole body only while <see cref="Upload"/> is <see langword="null"/>.</summary>
    public ReadOnlySequence<byte> Buffered => _buffer.WrittenSequence;

    public Stream Stream => _stream ??= new BufferingResponseStream(this);

    public PipeWriter Writer => _writer ??= new BufferingResponseWriter(this);

    public void DisableBuffering()
    {
        if (Upload is not null)
        {
            // The body's start is already in storage: it cannot be sent any more, so it is stored to its end.
            return;
        }

        _inner.DisableBuffering();
        SwitchToPassThrough();
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsBuffering)
        {
            // Absorbed like a flush: HttpResponse.WriteAsync(string) and many results start the response before their
            // first write, so a start says nothing about streaming.
            return;
        }

        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await _inner.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        if (IsBuffering)
        {
            // Results.File and friends end here: the file's bytes are written like any other body, so a large file
            // streams into storage too.
            await SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken).ConfigureAwait(false);
            return;
        }

        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await _inner.SendFileAsync(path, offset, count, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync()
    {
        if (IsBuffering)
        {
            // The body is complete when the pipeline returns; the middleware sends or stores it then.
            return;
        }

        await DrainAsync(CancellationToken.None).ConfigureAwait(false);
        await _inner.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Writes what is still buffered after a switch to pass-through.</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (!_drainPending)
        {
            return;
        }

        _drainPending = false;
        foreach (ReadOnlyMemory<byte> segment in _buffer.WrittenSequence)
        {
            await _inner.Stream.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        _buffer.Dispose();
    }

    /// <summary>Sends what a pipe writer left in memory into storage, then completes the stored object and presigns its URL.</summary>
    public async Task<OffloadedHttpBody> CompleteUploadAsync()
    {
        await MoveBufferedIntoUploadAsync().ConfigureAwait(false);
        return await Upload!.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Returns the pooled memory, and aborts an upload that did not complete: nothing is left in storage.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Upload is not null)
            {
                await Upload.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _buffer.Dispose();
        }
    }

    internal void Write(ReadOnlySpan<byte> data)
    {
        if (PassesThrough())
        {
            DrainIntoInnerStream();
            _inner.Stream.Write(data);
            return;
        }

        if (StreamsIntoStorage(data.Length))
        {
            StoreSynchronously(data);
            return;
        }

        Append(data);
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        Reserve(data.Length);
        data.CopyTo(_buffer.GetSpan(data.Length));
        _buffer.Advance(data.Length);
    }

    internal ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (PassesThrough())
        {
            return PassThroughAsync(data, cancellationToken);
        }

        if (StreamsIntoStorage(data.Length))
        {
            return StoreAsync(data);
        }

        Append(data.Span);
        return default;
    }

    private async ValueTask PassThroughAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await _inner.Stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes into the upload after what is still in memory; the write waits when every part is uploading.</summary>
    private async ValueTask StoreAsync(ReadOnlyMemory<byte> data)
    {
        await MoveBufferedIntoUploadAsync().ConfigureAwait(false);
        await Upload!.WriteAsync(data).ConfigureAwait(false);
    }

    /// <summary>
    /// A synchronous write into the upload: the caller's span cannot cross an await, so it goes through a pooled
    /// array, and the thread blocks while every part is uploading (as a server's own synchronous write blocks on its
    /// transport). The copy into a part almost always completes at once.
    /// </summary>
    private void StoreSynchronously(ReadOnlySpan<byte> data)
    {
        WaitFor(MoveBufferedIntoUploadAsync());
        byte[] chunk = ArrayPool<byte>.Shared.Rent(Math.Min(data.Length, SynchronousChunkBytes));
        try
        {
            while (!data.IsEmpty)
            {
                int count = Math.Min(chunk.Length, data.Length);
                data.Slice(0, count).CopyTo(chunk);
                WaitFor(Upload!.WriteAsync(chunk.AsMemory(0, count)));
                data = data.Slice(count);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (PassesThroughAtFlush())
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
            await _inner.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await MoveBufferedIntoUploadAsync().ConfigureAwait(false);
    }

    internal void Flush()
    {
        if (PassesThroughAtFlush())
        {
            DrainIntoInnerStream();
            _inner.Stream.Flush();
            return;
        }

        WaitFor(MoveBufferedIntoUploadAsync());
    }

    /// <summary>Room for the writer to fill; in pass-through, the inner writer's own (after draining into it).</summary>
    internal Memory<byte> GetMemory(int sizeHint)
    {
        if (PassesThrough())
        {
            DrainIntoInnerWriter();
            return _inner.Writer.GetMemory(sizeHint);
        }

        return _buffer.GetMemory(sizeHint);
    }

    internal Span<byte> GetSpan(int sizeHint)
    {
        if (PassesThrough())
        {
            DrainIntoInnerWriter();
            return _inner.Writer.GetSpan(sizeHint);
        }

        return _buffer.GetSpan(sizeHint);
    }

    internal void Advance(int count)
    {
        if (!IsBuffering)
        {
            _inner.Writer.Advance(count);
            return;
        }

        Reserve(count);
        _buffer.Advance(count);
        _unflushedBytes += count;
        if (StreamsIntoStorage(0) && _buffer.Length >= _unflushedCutBytes)
        {
            // Not left for a flush that may only come at the end of the response. Advance cannot await: the thread
            // waits when every part is uploading, as a synchronous write does; the copy into a part almost always
            // completes at once. The writer's next GetMemory starts a fresh buffer.
            WaitFor(MoveBufferedIntoUploadAsync());
        }
    }

    /// <summary>Whether the writer can say how much it holds since its last flush.</summary>
    internal bool CanGetUnflushedBytes => IsBuffering || _inner.Writer.CanGetUnflushedBytes;

    /// <summary>Bytes written through the writer since its last flush (absorbed or not).</summary>
    internal long UnflushedBytes => IsBuffering ? _unflushedBytes : _inner.Writer.UnflushedBytes;

    internal async ValueTask<FlushResult> FlushWriterAsync(CancellationToken cancellationToken)
    {
        if (PassesThroughAtFlush())
        {
            DrainIntoInnerWriter();
            return await _inner.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        _unflushedBytes = 0;
        await MoveBufferedIntoUploadAsync().ConfigureAwait(false);
        return new FlushResult(isCanceled: false, isCompleted: false);
    }

    internal void CompleteWriter(Exception? exception)
    {
        if (IsBuffering)
        {
            return;
        }

        DrainIntoInnerWriter();
        _inner.Writer.Complete(exception);
    }

    internal void CancelPendingFlush()
    {
        if (!IsBuffering)
        {
            _inner.Writer.CancelPendingFlush();
        }
    }

    private void DrainIntoInnerStream()
    {
        if (!_drainPending)
        {
            return;
        }

        // A synchronous write drains synchronously; the inner stream decides whether it allows that, as it would
        // without the middleware.
        _drainPending = false;
        foreach (ReadOnlyMemory<byte> segment in _buffer.WrittenSequence)
        {
            _inner.Stream.Write(segment.Span);
        }

        _buffer.Dispose();
    }

    private void DrainIntoInnerWriter()
    {
        if (!_drainPending)
        {
            return;
        }

        // Synchronous on purpose: GetMemory cannot await. The bytes sit in the inner writer until its next flush,
        // ahead of anything the handler writes next.
        _drainPending = false;
        foreach (ReadOnlyMemory<byte> segment in _buffer.WrittenSequence)
        {
            _inner.Writer.Write(segment.Span);
        }

        _buffer.Dispose();
    }

    /// <summary>
    /// Whether writes go straight to the inner body: after a switch, or from the first write of a
    /// <c>text/event-stream</c> response, whose events must reach the client as they are written.
    /// </summary>
    private bool PassesThrough() => !IsBuffering || (Upload is null && _buffer.Length == 0 && SwitchedForEvents());

    /// <summary>The same at a flush, which an event stream may reach after its first event was buffered.</summary>
    private bool PassesThroughAtFlush() => !IsBuffering || (Upload is null && SwitchedForEvents());

    /// <summary>
    /// Whether the body streams into storage, deciding it when a write of <paramref name="incoming"/> more bytes takes
    /// the body past the threshold with a status that may be stored (asked at every write until then: a handler may
    /// set its status after its first bytes).
    /// </summary>
    /// <exception cref="ClaimCheckConfigurationException">The body must be stored, and the store cannot presign URLs.</exception>
    private bool StreamsIntoStorage(int incoming)
    {
        if (Upload is not null)
        {
            return true;
        }

        long length = _buffer.Length + incoming;
        if (_storedWhole || length <= _plan.Threshold || !_plan.MayStore)
        {
            return false;
        }

        Upload = ResponseBodyUpload.TryStart(_response, _plan, _urlLifetime, length);
        _storedWhole = Upload is null;
        return Upload is not null;
    }

    /// <summary>Moves what is in memory (the buffered start of the body, or a pipe writer's bytes since its last flush) into the upload.</summary>
    private ValueTask MoveBufferedIntoUploadAsync()
        => Upload is null || _buffer.Length == 0 ? default : MoveBufferedAsync(Upload);

    private async ValueTask MoveBufferedAsync(ResponseBodyUpload upload)
    {
        foreach (ReadOnlyMemory<byte> segment in _buffer.WrittenSequence)
        {
            await upload.WriteAsync(segment).ConfigureAwait(false);
        }

        // Empties the buffer for the writer's next bytes, and returns its pooled arrays.
        _buffer.Clear();
    }

    private static void WaitFor(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }

    private bool SwitchedForEvents()
    {
        if (_response.ContentType is string contentType && contentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            SwitchToPassThrough();
            return true;
        }

        return false;
    }

    private void SwitchToPassThrough()
    {
        if (IsBuffering)
        {
            IsBuffering = false;
            _drainPending = true;
        }
    }

    private void Reserve(int count)
    {
        long total = _buffer.Length + count;
        if (total > _maxBufferedBytes)
        {
            throw new ResponseBufferLimitExceededException(total, _maxBufferedBytes);
        }
    }
}
