using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// The stream a payload is serialized into when it may have to be offloaded. Up to the inline threshold the bytes
/// stay in pooled memory, exactly as an inline response is returned. Past it (with a store that takes parts) they
/// are cut into parts: once the first part is full a multipart upload starts, and every further full part is
/// uploaded while serialization continues, at most <see cref="IStreamingPayloadStore.MaxConcurrentParts"/> at a time
/// — a write waits for a free part, which is the back-pressure that bounds memory. Length and SHA-256 are computed as
/// the bytes go by. A payload that ends before its first part is full is stored by one ordinary write; any failure
/// or cancellation aborts the upload.
/// </summary>
/// <remarks>Written by <c>JsonSerializer.SerializeAsync</c>, which only writes asynchronously; one writer at a time.</remarks>
internal sealed class StreamedOffload : Stream
{
    private readonly ClaimCheckRuntime _runtime;
    private readonly IStreamingPayloadStore? _streaming;
    private readonly long _inlineThreshold;
    private readonly PayloadDescription _description;
    private readonly SemaphoreSlim? _slots;
    private readonly CancellationTokenSource _partsCancellation = new();
    private readonly List<Task> _partUploads = new();
    private readonly Stack<PartBuffer> _freeParts = new();
    private readonly List<PartBuffer> _allParts = new();
    private PooledByteBuffer? _inline = new();
    private IncrementalHash? _hash;
    private PartBuffer? _current;
    private IPayloadUpload? _upload;
    private string? _key;
    private long _length;
    private long _uploadedBytes;
    private int _partCount;
    private ExceptionDispatchInfo? _partFailure;
    private bool _completed;
    private bool _disposed;

    public StreamedOffload(ClaimCheckRuntime runtime, long inlineThreshold, PayloadDescription description)
    {
        _runtime = runtime;
        _inlineThreshold = inlineThreshold;
        _description = description;
        if (runtime.Store is IStreamingPayloadStore streaming)
        {
            if (streaming.PartSizeBytes is < 1 or > int.MaxValue)
            {
                throw new ClaimCheckConfigurationException($"The store's part size must be between 1 byte and 2 GiB, not {streaming.PartSizeBytes:N0} bytes.");
            }

            _streaming = streaming;
            _slots = new SemaphoreSlim(Math.Max(1, streaming.MaxConcurrentParts));
        }
    }

    /// <summary>Bytes written so far.</summary>
    public long Written => _length;

    /// <summary>The number of parts uploaded so far (zero while nothing has been uploaded in parts).</summary>
    public int PartCount => _partCount;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_completed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _partFailure?.Throw();
        _length += buffer.Length;
        if (_inline is PooledByteBuffer inline)
        {
            Append(inline, buffer.Span);
            if (_streaming is null || inline.Length <= _inlineThreshold)
            {
                return;
            }

            // Over the threshold: this payload is offloaded. What is buffered becomes the start of the first part.
            _inline = null;
            _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            try
            {
                foreach (ReadOnlyMemory<byte> segment in inline.WrittenSequence)
                {
                    await AppendToPartsAsync(segment, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                inline.Dispose();
            }

            return;
        }

        await AppendToPartsAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
        => throw new NotSupportedException("A streamed offload is written asynchronously: a write may have to wait for a part to finish uploading.");

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Ends the payload: returns it inline (ownership of the pooled memory passes to the returned stream) when it
    /// fits under the threshold, otherwise finishes storing it and returns its pointer.
    /// </summary>
    public async ValueTask<OffloadOutcome> CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _partFailure?.Throw();
        if (_inline is PooledByteBuffer inline)
        {
            if (inline.Length <= _inlineThreshold)
            {
                _inline = null;
                _completed = true;
                return new OffloadOutcome(new ReadOnlySequenceStream(inline.WrittenSequence, owner: inline), Pointer: null, inline.Length);
            }

            // A store that does not take parts receives the whole payload, as before streaming existed.
            PayloadPointer whole = await _runtime.OffloadAsync(inline.WrittenSequence, _description, cancellationToken).ConfigureAwait(false);
            _completed = true;
            return new OffloadOutcome(null, whole, _length);
        }

        string sha256 = Sha256Hex.Format(_hash!);
        if (_upload is null)
        {
            // Offloaded, but shorter than one part: a single write, with the checksum S3 verifies.
            System.Buffers.ReadOnlySequence<byte> content = _current?.Written ?? default;
            PayloadPointer single = await _runtime.Store.WriteAsync(new PayloadWrite(Key(), content, sha256, _description), cancellationToken).ConfigureAwait(false);
            _completed = true;
            return new OffloadOutcome(null, single, _length);
        }

        if (_current is { Length: > 0 } last)
        {
            _current = null;
            await DispatchAsync(last, cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(_partUploads).ConfigureAwait(false);
        _partFailure?.Throw();
        PayloadPointer pointer = await _upload.CompleteAsync(_partCount, _length, sha256, cancellationToken).ConfigureAwait(false);
        _completed = true;
        return new OffloadOutcome(null, pointer, _length);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // No part may still be reading a buffer when it is freed; parts still uploading are told to stop.
        if (!_completed)
        {
            await _partsCancellation.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_partUploads).ConfigureAwait(false);
        if (_upload is not null)
        {
            // Completed uploads ignore this; any other is aborted, so no parts are left behind.
            await _upload.DisposeAsync().ConfigureAwait(false);
        }

        foreach (PartBuffer part in _allParts)
        {
            ((IDisposable)part).Dispose();
        }

        _allParts.Clear();
        _freeParts.Clear();
        _inline?.Dispose();
        _inline = null;
        _hash?.Dispose();
        _slots?.Dispose();
        _partsCancellation.Dispose();
        _completed = true;
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static void Append(PooledByteBuffer buffer, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            Span<byte> free = buffer.GetSpan(1);
            int count = Math.Min(free.Length, data.Length);
            data.Slice(0, count).CopyTo(free);
            buffer.Advance(count);
            data = data.Slice(count);
        }
    }

    private async ValueTask AppendToPartsAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _hash!.AppendData(data.Span);
        while (!data.IsEmpty)
        {
            PartBuffer part = _current ??= RentPart();
            data = data.Slice(part.Append(data.Span));
            if (part.IsFull)
            {
                _current = null;
                await DispatchAsync(part, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask DispatchAsync(PartBuffer part, CancellationToken cancellationToken)
    {
        // Back-pressure: serialization waits here until a part slot (and so a part buffer) is free.
        await _slots!.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _partFailure?.Throw();
            _upload ??= await _streaming!.StartUploadAsync(Key(), _description, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            ReturnPart(part);
            throw;
        }

        int number = ++_partCount;
        long offset = _uploadedBytes;
        _uploadedBytes += part.Length;
        _partUploads.Add(UploadPartAsync(_upload, part, number, offset, cancellationToken));
    }

    private async Task UploadPartAsync(IPayloadUpload upload, PartBuffer part, int number, long offset, CancellationToken cancellationToken)
    {
        try
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _partsCancellation.Token);
            await upload.UploadPartAsync(number, offset, part.Written, cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The first failure is the one to report; the parts it cancels fail only because of it.
            if (Interlocked.CompareExchange(ref _partFailure, ExceptionDispatchInfo.Capture(ex), null) is null)
            {
                await _partsCancellation.CancelAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            ReturnPart(part);
            _slots!.Release();
        }
    }

    private PartBuffer RentPart()
    {
        lock (_freeParts)
        {
            if (_freeParts.TryPop(out PartBuffer? reused))
            {
                return reused;
            }
        }

        var part = new PartBuffer((int)_streaming!.PartSizeBytes);
        lock (_freeParts)
        {
            _allParts.Add(part);
        }

        return part;
    }

    private void ReturnPart(PartBuffer part)
    {
        part.Reset();
        lock (_freeParts)
        {
            _freeParts.Push(part);
        }
    }

    private string Key() => _key ??= _runtime.NewOffloadKey(_length);
}
