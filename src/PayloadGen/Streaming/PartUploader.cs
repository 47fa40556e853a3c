using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// The part of a <see cref="StreamedOffload"/> that begins once a payload is known to be offloaded: cuts the bytes
/// into parts of the store's part size, starts the store's upload when the first part is full, keeps at most
/// <see cref="IStreamingPayloadStore.MaxConcurrentParts"/> parts uploading (an append waits for a free part — the
/// back-pressure that bounds memory), hashes every byte in order, and aborts the upload unless it completed.
/// </summary>
internal sealed class PartUploader : IAsyncDisposable
{
    private readonly ClaimCheckRuntime _runtime;
    private readonly IStreamingPayloadStore _store;
    private readonly PayloadDescription _description;
    private readonly int _partSize;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _partsCancellation = new();
    private readonly List<Task> _partUploads = new();
    private readonly Stack<PartBuffer> _freeParts = new();
    private readonly List<PartBuffer> _allParts = new();
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private PartBuffer? _current;
    private IPayloadUpload? _upload;
    private string? _key;
    private long _length;
    private long _dispatchedBytes;
    private int _partCount;
    private ExceptionDispatchInfo? _partFailure;
    private bool _completed;

    public PartUploader(ClaimCheckRuntime runtime, IStreamingPayloadStore store, PayloadDescription description)
    {
        if (store.PartSizeBytes is < 1 or > int.MaxValue)
        {
            throw new ClaimCheckConfigurationException($"The store's part size must be between 1 byte and 2 GiB, not {store.PartSizeBytes:N0} bytes.");
        }

        _runtime = runtime;
        _store = store;
        _description = description;
        _partSize = (int)store.PartSizeBytes;
        _slots = new SemaphoreSlim(Math.Max(1, store.MaxConcurrentParts));
    }

    /// <summary>Adds <paramref name="data"/> to the payload, uploading every part it fills.</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _partFailure?.Throw();
        _hash.AppendData(data.Span);
        _length += data.Length;
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

    /// <summary>Uploads the last part and completes the object; a payload shorter than one part is a single write.</summary>
    public async ValueTask<PayloadPointer> CompleteAsync(CancellationToken cancellationToken)
    {
        _partFailure?.Throw();
        string sha256 = Sha256Hex.Format(_hash);
        PayloadPointer pointer;
        if (_upload is null)
        {
            // Offloaded, but shorter than one part: one ordinary write, with the checksum S3 verifies.
            ReadOnlySequence<byte> content = _current?.Written ?? ReadOnlySequence<byte>.Empty;
            pointer = await _runtime.Store.WriteAsync(new PayloadWrite(Key(), content, sha256, _description), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (_current is { Length: > 0 } last)
            {
                _current = null;
                await DispatchAsync(last, cancellationToken).ConfigureAwait(false);
            }

            await Task.WhenAll(_partUploads).ConfigureAwait(false);
            _partFailure?.Throw();
            pointer = await _upload.CompleteAsync(_partCount, _length, sha256, cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
        return pointer;
    }

    public async ValueTask DisposeAsync()
    {
        // No part may still be reading a buffer when it is freed; parts still uploading are told to stop.
        if (!_completed)
        {
            await _partsCancellation.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_partUploads).ConfigureAwait(false);
        if (_upload is not null)
        {
            // A completed upload ignores this; any other is aborted, so no parts are left behind.
            await _upload.DisposeAsync().ConfigureAwait(false);
        }

        foreach (PartBuffer part in _allParts)
        {
            ((IDisposable)part).Dispose();
        }

        _allParts.Clear();
        _freeParts.Clear();
        _hash.Dispose();
        _slots.Dispose();
        _partsCancellation.Dispose();
    }

    private async ValueTask DispatchAsync(PartBuffer part, CancellationToken cancellationToken)
    {
        // Back-pressure: serialization waits here until a part slot (and so a part buffer) is free.
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _partFailure?.Throw();
            _upload ??= await _store.StartUploadAsync(Key(), _description, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            ReturnPart(part);
            throw;
        }

        int number = ++_partCount;
        long offset = _dispatchedBytes;
        _dispatchedBytes += part.Length;
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
            _slots.Release();
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

            var part = new PartBuffer(_partSize);
            _allParts.Add(part);
            return part;
        }
    }

    private void ReturnPart(PartBuffer part)
    {
        part.Reset();
        lock (_freeParts)
        {
            _freeParts.Push(part);
        }
    }

    private string Key() => _key ??= _runtime.NewOffloadKey(_length, _description);
}
