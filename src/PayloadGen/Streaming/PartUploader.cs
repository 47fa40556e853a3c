using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// Cuts a payload into parts (sizes from <see cref="PartSchedule"/>, starting at the store's part size) and uploads
/// them: starts the store's upload when the first part is dispatched, keeps at most
/// <see cref="IStreamingPayloadStore.MaxConcurrentParts"/> parts uploading (an append waits for a free part — the
/// back-pressure that bounds memory), hashes every byte in order, and aborts the upload unless it completed.
/// </summary>
/// <remarks>
/// Serialization waits for nothing but a free part. The store's upload is created beside it (the first parts wait for
/// it, not the serializer: one round trip less on the critical path) — as soon as the payload is known to fill a part
/// (<see cref="StartUpload"/>), or else when its first part is dispatched. The payload's SHA-256 is computed by each
/// part's own task on the thread pool, after the previous part's (so in payload order), while that part is being sent
/// (or, when the upload does not exist yet, while it is being created) and while serialization fills the next part:
/// it lags behind serialization by at most the parts in flight, keeps no part from leaving, and costs no thread hop of
/// its own.
/// </remarks>
/// <remarks>
/// A <see cref="StreamedOffload"/> creates it <em>holding</em>: the payload's first bytes go into part buffers that
/// are not uploaded until <see cref="OffloadAsync"/> says the payload is too large to return inline, and a payload
/// that stays small is handed back from those same buffers (<see cref="TakeInline"/>). So the inline bytes are the
/// start of the first part, never a second copy beside it.
/// </remarks>
internal sealed class PartUploader : IAsyncDisposable
{
    private readonly ClaimCheckRuntime _runtime;
    private readonly IStreamingPayloadStore _store;
    private readonly PayloadDescription _description;
    private readonly long _firstPartSize;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _partsCancellation = new();
    private readonly List<Task> _partUploads = new();
    private readonly List<PartBuffer> _freeParts = new();
    private readonly List<PartBuffer> _allParts = new();
    private readonly Queue<PartBuffer> _held = new();
    private IncrementalHash? _hash;
    private PartBuffer? _current;
    private Task<IPayloadUpload>? _upload;
    private Task _hashed = Task.CompletedTask; // the last dispatched part's hashing
    private string? _key;
    private long _knownLength; // a length the payload is known to reach, for the key's error message before it does
    private bool _holding;
    private long _length;
    private long _dispatchedBytes;
    private int _cutParts;
    private int _partCount;
    private ExceptionDispatchInfo? _partFailure;
    private bool _completed;

    public PartUploader(ClaimCheckRuntime runtime, IStreamingPayloadStore store, PayloadDescription description)
        : this(runtime, store, description, holdUntilOffloaded: false)
    {
    }

    /// <param name="runtime">The runtime whose store and key scheme are used.</param>
    /// <param name="store">The store that takes the parts.</param>
    /// <param name="description">What the payload is (content type, direction, source).</param>
    /// <param name="holdUntilOffloaded">Whether parts wait for <see cref="OffloadAsync"/> before they are uploaded.</param>
    public PartUploader(ClaimCheckRuntime runtime, IStreamingPayloadStore store, PayloadDescription description, bool holdUntilOffloaded)
    {
        if (store.PartSizeBytes is < 1 or > PartSchedule.MaxPartBytes)
        {
            throw new ClaimCheckConfigurationException($"The store's part size must be between 1 byte and 2 GiB, not {store.PartSizeBytes:N0} bytes.");
        }

        _runtime = runtime;
        _store = store;
        _description = description;
        _firstPartSize = store.PartSizeBytes;
        _holding = holdUntilOffloaded;
        _slots = new SemaphoreSlim(Math.Max(1, store.MaxConcurrentParts));
    }

    /// <summary>Bytes appended so far.</summary>
    public long Length => _length;

    /// <summary>Adds <paramref name="data"/> to the payload, uploading every part it fills unless parts are held.</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _partFailure?.Throw();
        _length += data.Length;
        while (!data.IsEmpty)
        {
            PartBuffer part = _current ??= RentPart(PartSchedule.SizeOf(++_cutParts, _firstPartSize));
            data = data.Slice(part.Append(data.Span));
            if (part.IsFull)
            {
                _current = null;
                if (_holding)
                {
                    _held.Enqueue(part);
                }
                else
                {
                    await DispatchAsync(part, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// The payload is known to be stored in parts (it is longer than <paramref name="knownLongerThan"/> bytes, so it
    /// fills at least the first part): starts the store's upload now, beside serialization, rather than when the first part is
    /// full. Nothing is started for a payload that could still end inline or fit one ordinary write.
    /// </summary>
    public void StartUpload(long knownLongerThan)
    {
        if (_holding || knownLongerThan + 1 < _firstPartSize)
        {
            throw new InvalidOperationException("Only a payload known to be stored in parts starts its upload before its first part is full.");
        }

        _knownLength = knownLongerThan + 1;
        _upload ??= StartUploadAsync(Key());
    }

    /// <summary>The payload is stored, not returned inline: uploads the parts held so far and every part filled from now on.</summary>
    public async ValueTask OffloadAsync(CancellationToken cancellationToken)
    {
        _holding = false;
        while (_held.TryDequeue(out PartBuffer? part))
        {
            await DispatchAsync(part, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Hands a held payload back whole, as a stream over the part buffers; disposing the stream frees them. Nothing was
    /// uploaded, and this uploader has nothing left to dispose but its own bookkeeping.
    /// </summary>
    public ReadOnlySequenceStream TakeInline()
    {
        if (!_holding || _completed)
        {
            throw new InvalidOperationException("Only a payload whose parts are still held can be returned inline.");
        }

        var parts = new List<PartBuffer>(_held);
        if (_current is { } last)
        {
            parts.Add(last);
        }

        _held.Clear();
        _current = null;
        _allParts.Clear();
        _freeParts.Clear();
        _completed = true;
        var owner = new PartBuffers(parts);
        return new ReadOnlySequenceStream(owner.Written, owner);
    }

    /// <summary>Uploads the last part and completes the object; a payload shorter than one part is a single write.</summary>
    public async ValueTask<PayloadPointer> CompleteAsync(CancellationToken cancellationToken)
    {
        _partFailure?.Throw();
        await OffloadAsync(cancellationToken).ConfigureAwait(false);
        PayloadPointer pointer;
        if (_upload is null)
        {
            // Offloaded, but shorter than one part: one ordinary write, with the checksum S3 verifies.
            ReadOnlySequence<byte> content = _current?.Written ?? ReadOnlySequence<byte>.Empty;
            string sha256 = Sha256Hex.Format(Hash(content));
            pointer = await _runtime.Store.WriteAsync(new PayloadWrite(Key(), content, sha256, _description), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (_current is { Length: > 0 } last)
            {
                _current = null;
                await DispatchAsync(last, cancellationToken).ConfigureAwait(false);
            }

            // Each part's task ended only once the part was hashed: with every part done, so is the hash.
            await Task.WhenAll(_partUploads).ConfigureAwait(false);
            _partFailure?.Throw();

            // Every part awaited the upload's start and none failed, so it has started.
            IPayloadUpload upload = await _upload.ConfigureAwait(false);
            pointer = await upload.CompleteAsync(_partCount, _length, Sha256Hex.Format(_hash!), cancellationToken).ConfigureAwait(false);
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
        if (_upload is not null && await StartedUploadAsync(_upload).ConfigureAwait(false) is IPayloadUpload upload)
        {
            // A completed upload ignores this; any other is aborted, so no parts are left behind.
            await upload.DisposeAsync().ConfigureAwait(false);
        }

        foreach (PartBuffer part in _allParts)
        {
            ((IDisposable)part).Dispose();
        }

        _allParts.Clear();
        _freeParts.Clear();
        _held.Clear();
        _current = null;
        _hash?.Dispose();
        _slots.Dispose();
        _partsCancellation.Dispose();
    }

    private async ValueTask DispatchAsync(PartBuffer part, CancellationToken cancellationToken)
    {
        // Back-pressure: serialization waits here until a part slot (and so a part buffer) is free.
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ReturnPart(part);
            throw;
        }

        if (_partFailure is { } failure)
        {
            _slots.Release();
            ReturnPart(part);
            failure.Throw();
        }

        // Started, not awaited: the parts wait for the upload to exist, serialization goes on filling the next one.
        Task<IPayloadUpload> upload = _upload ??= StartUploadAsync(Key());

        // Parts are dispatched in payload order, and each one's hashing waits for the previous one's: every byte is
        // hashed in order, off the serializing thread.
        Task previous = _hashed;
        var hashed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hashed = hashed.Task;

        int number = ++_partCount;
        long offset = _dispatchedBytes;
        _dispatchedBytes += part.Length;

        // Off the serializing thread: the hashing, and the S3 client's signing of the part before it sends it.
        _partUploads.Add(Task.Run(() => UploadPartAsync(upload, previous, hashed, part, number, offset, cancellationToken), CancellationToken.None));
    }

    /// <summary>
    /// Starts the store's upload here, on the serializing thread up to the request's first wait (the S3 client
    /// builds, signs and sends it: under a millisecond on a quiet machine), not queued to the thread pool: a part's
    /// task is queued right after it from this thread, and the pool runs a thread's own queue last in, first out —
    /// the first part's hashing ran before the upload's request was even built, and the round trip it was to overlap
    /// began only after it (2.6–12 ms later in a 20 MiB offload's timeline).
    /// </summary>
    /// <remarks>
    /// Not cancellable: a request cancelled after S3 created the upload would leave it open with no id to abort it
    /// by. Let it finish (one short round trip) and the upload is always known, so disposal can abort it; the parts
    /// waiting for it are the ones the caller's cancellation stops. A store that throws instead of returning a faulted
    /// task fails the parts waiting for it all the same (an async method captures the exception).
    /// </remarks>
    private async Task<IPayloadUpload> StartUploadAsync(string key)
        => await _store.StartUploadAsync(key, _description, CancellationToken.None).ConfigureAwait(false);

    /// <summary>The upload, once started; <see langword="null"/> when starting it failed (its parts reported why).</summary>
    private static async Task<IPayloadUpload?> StartedUploadAsync(Task<IPayloadUpload> start)
    {
        try
        {
            return await start.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Every part awaited this start and reported its failure; disposing must not throw it a second time.
            return null;
        }
    }

    private IncrementalHash Hash(ReadOnlySequence<byte> content)
    {
        _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (ReadOnlyMemory<byte> segment in content)
        {
            _hash.AppendData(segment.Span);
        }

        return _hash;
    }

    private async Task UploadPartAsync(Task<IPayloadUpload> start, Task previousHashed, TaskCompletionSource hashed, PartBuffer part, int number, long offset, CancellationToken cancellationToken)
    {
        try
        {
            // While the upload is still being created the part cannot be sent: hash it meanwhile.
            if (!start.IsCompleted)
            {
                await HashInOrderAsync(previousHashed, hashed, part).ConfigureAwait(false);
            }

            IPayloadUpload upload = await start.ConfigureAwait(false);
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _partsCancellation.Token);

            // Cancelled while it waited for the upload to exist: the client would sign the part before noticing.
            cancellation.Token.ThrowIfCancellationRequested();

            // Otherwise sent first, hashed while it is on the wire: the store's call returns once the request is under way
            // (the S3 client has signed the part and sent its headers), so the part's first byte leaves without waiting
            // for the payload's hash. Both read the buffer; it is handed back only when both have ended.
            Task sending;
            if (upload is IPrehashedPartUpload { TakesPartSha256: true } prehashed)
            {
                // The store signs the part with its SHA-256, which it would otherwise read the part once more to compute
                // before sending: computed here instead, in the same pass as the payload's hash when the payload's hash has
                // reached this part (almost always), so both hashes read each block while it is in the cache. The part
                // leaves after that pass, as it left after the client's own.
                string partSha256 = !hashed.Task.IsCompleted && previousHashed.IsCompleted ? HashPartWithPayload(part, hashed) : HashPart(part);
                sending = prehashed.UploadPartAsync(number, offset, part.Written, partSha256, cancellation.Token);
            }
            else
            {
                sending = upload.UploadPartAsync(number, offset, part.Written, cancellation.Token);
            }

            Task hashing = hashed.Task.IsCompleted ? Task.CompletedTask : HashInOrderAsync(previousHashed, hashed, part);
            await Task.WhenAll(sending, hashing).ConfigureAwait(false);
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
            // A part that failed before it was hashed must not hold up the next part's hashing (the hash is moot then).
            hashed.TrySetResult();
            ReturnPart(part);
            _slots.Release();
        }
    }

    /// <summary>Hashes <paramref name="part"/> once the previous part has been hashed: every byte in payload order.</summary>
    private async Task HashInOrderAsync(Task previousHashed, TaskCompletionSource hashed, PartBuffer part)
    {
        try
        {
            // The previous part has (almost always) long been hashed: serializing a part takes longer than hashing it.
            await previousHashed.ConfigureAwait(false);
            Hash(part.Written);
        }
        finally
        {
            hashed.TrySetResult();
        }
    }

    /// <summary>The SHA-256 of <paramref name="part"/> alone, in lower-case hex.</summary>
    private static string HashPart(PartBuffer part) => Sha256Hex.Of(part.WrittenMemory.Span);

    /// <summary>
    /// Hashes <paramref name="part"/> into the payload's hash (whose previous part is done) and on its own in one pass,
    /// block by block, and returns the part's SHA-256 in lower-case hex.
    /// </summary>
    private string HashPartWithPayload(PartBuffer part, TaskCompletionSource hashed)
    {
        const int Block = 64 * 1024;
        try
        {
            _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var partHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            ReadOnlySpan<byte> bytes = part.WrittenMemory.Span;
            for (int at = 0; at < bytes.Length; at += Block)
            {
                ReadOnlySpan<byte> block = bytes.Slice(at, Math.Min(Block, bytes.Length - at));
                _hash.AppendData(block);
                partHash.AppendData(block);
            }

            return Sha256Hex.Format(partHash);
        }
        finally
        {
            hashed.TrySetResult();
        }
    }

    /// <summary>A free buffer of exactly <paramref name="size"/> bytes; a free one of another size (the schedule grew) is freed.</summary>
    private PartBuffer RentPart(int size)
    {
        lock (_freeParts)
        {
            for (int i = _freeParts.Count - 1; i >= 0; i--)
            {
                PartBuffer free = _freeParts[i];
                _freeParts.RemoveAt(i);
                if (free.Capacity == size)
                {
                    return free;
                }

                _allParts.Remove(free);
                ((IDisposable)free).Dispose();
            }

            var part = new PartBuffer(size);
            _allParts.Add(part);
            return part;
        }
    }

    private void ReturnPart(PartBuffer part)
    {
        part.Reset();
        lock (_freeParts)
        {
            _freeParts.Add(part);
        }
    }

    private string Key() => _key ??= _runtime.NewOffloadKey(Math.Max(_length, _knownLength), _description);
}
