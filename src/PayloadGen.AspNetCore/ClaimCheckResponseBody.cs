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
/// Flushes and starts are absorbed while buffering. Lambda hosting buffers the whole response anyway, and the framework
/// and serializers flush and start as they go (<c>WriteAsJsonAsync</c>, <c>HttpResponse.WriteAsync(string)</c>,
/// <c>StreamWriter</c>), so honouring them would turn off the claim check for exactly the large bodies it exists for.
/// </para>
/// <para>
/// A handler that says it streams switches the body to pass-through for the rest of the response: it calls
/// <see cref="DisableBuffering"/> (as server-sent events and gRPC do), or answers <c>text/event-stream</c>. What was
/// buffered is written first, and from then on nothing is measured or offloaded: the limit can no longer be enforced
/// once the headers are out.
/// </para>
/// </remarks>
internal sealed class ClaimCheckResponseBody : IHttpResponseBodyFeature, IDisposable
{
    private readonly IHttpResponseBodyFeature _inner;
    private readonly HttpResponse _response;
    private readonly long _maxBufferedBytes;
    private readonly PooledByteBuffer _buffer = new();
    private BufferingResponseStream? _stream;
    private BufferingResponseWriter? _writer;
    private bool _drainPending;
    private long _unflushedBytes;

    public ClaimCheckResponseBody(IHttpResponseBodyFeature inner, HttpResponse response, long maxBufferedBytes)
    {
        _inner = inner;
        _response = response;
        _maxBufferedBytes = maxBufferedBytes;
    }

    /// <summary>Whether the body is still being buffered (no pass-through was asked for).</summary>
    public bool IsBuffering { get; private set; } = true;

    /// <summary>The bytes buffered so far; valid until the body is disposed.</summary>
    public ReadOnlySequence<byte> Buffered => _buffer.WrittenSequence;

    public Stream Stream => _stream ??= new BufferingResponseStream(this);

    public PipeWriter Writer => _writer ??= new BufferingResponseWriter(this);

    public void DisableBuffering()
    {
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
            // Results.File and friends end here: the file's bytes are buffered like any other body, so a large file
            // is offloaded too.
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

    public void Dispose() => _buffer.Dispose();

    internal void Write(ReadOnlySpan<byte> data)
    {
        if (PassesThrough())
        {
            DrainIntoInnerStream();
            _inner.Stream.Write(data);
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

    internal async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (PassesThrough())
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
            await _inner.Stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            return;
        }

        Append(data.Span);
    }

    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (PassesThroughAtFlush())
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
            await _inner.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal void Flush()
    {
        if (PassesThroughAtFlush())
        {
            DrainIntoInnerStream();
            _inner.Stream.Flush();
        }
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
    private bool PassesThrough() => !IsBuffering || (_buffer.Length == 0 && SwitchedForEvents());

    /// <summary>The same at a flush, which an event stream may reach after its first event was buffered.</summary>
    private bool PassesThroughAtFlush() => !IsBuffering || SwitchedForEvents();

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
