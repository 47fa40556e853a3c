using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// The file store, which checks what it is given (every part written at its offset, the length on completion, the
/// object renamed into place only then), behind a window the test controls: the part size and concurrency it names,
/// hooks that run before each part is written (to delay it, fail it, or hold it until it is cancelled) and before
/// every other call (start, whole write, completion, abort), and a record of what the runtime asked of it. In process, so a streamed upload's own logic is tested in milliseconds;
/// what S3 itself does with parts is tested on s3rver (<c>MultipartUploadS3Tests</c>). Like a real store, it never
/// resumes on the caller's synchronization context (<c>StreamedUploadContextTests</c> count what PayloadGen posts).
/// </summary>
public sealed class ScriptedPartStore(FilePayloadStore files, long partSizeBytes, int maxConcurrentParts) : IStreamingPayloadStore
{
    private int _uploading;
    private int _mostAtOnce;
    private int _starts;
    private int _aborts;
    private int _wholeWrites;

    /// <summary>Runs before part <c>number</c> is written, with the token the part was handed.</summary>
    public Func<int, CancellationToken, Task>? BeforePart { get; init; }

    /// <summary>Runs before the store starts an upload, writes a payload whole, completes or aborts an upload.</summary>
    public Func<StoreStep, Task>? BeforeStep { get; init; }

    public string Bucket => files.Bucket;

    public long PartSizeBytes => partSizeBytes;

    public int MaxConcurrentParts => maxConcurrentParts;

    /// <summary>Every part written, as (number, offset, length), in the order the writes finished.</summary>
    public ConcurrentQueue<(int Number, long Offset, long Length)> Parts { get; } = new();

    /// <summary>The memory blocks the parts were handed in (their owners: a memory manager or an array), each once.</summary>
    public ConcurrentDictionary<object, bool> PartBuffers { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The most parts that were between the start of their hook and the end of their write at once.</summary>
    public int MostPartsAtOnce => Volatile.Read(ref _mostAtOnce);

    /// <summary>Uploads the store started (a start that failed is not one).</summary>
    public int UploadsStarted => Volatile.Read(ref _starts);

    /// <summary>Uploads ended without completing (aborted or disposed), each counted once.</summary>
    public int UploadsAborted => Volatile.Read(ref _aborts);

    /// <summary>Payloads written whole (<see cref="IPayloadStore.WriteAsync"/>), not in parts.</summary>
    public int WholeWrites => Volatile.Read(ref _wholeWrites);

    public async Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken)
    {
        await BeforeAsync(StoreStep.Start).ConfigureAwait(false);
        IPayloadUpload upload = await files.StartUploadAsync(key, description, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _starts);
        return new Upload(this, upload);
    }

    public async Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken)
    {
        await BeforeAsync(StoreStep.Write).ConfigureAwait(false);
        Interlocked.Increment(ref _wholeWrites);
        return await files.WriteAsync(write, cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => files.OpenReadAsync(pointer, maxBytes, cancellationToken);

    public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => files.DeleteAsync(pointer, cancellationToken);

    /// <summary>This store as one written before streaming existed: it only takes payloads whole.</summary>
    public IPayloadStore WithoutParts() => new WholeWritesOnly(this);

    private Task BeforeAsync(StoreStep step) => BeforeStep?.Invoke(step) ?? Task.CompletedTask;

    private sealed class Upload(ScriptedPartStore store, IPayloadUpload inner) : IPayloadUpload
    {
        private int _ended; // 0 open, 1 completed, 2 aborted

        public string Key => inner.Key;

        public async Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
        {
            store.PartBuffers.TryAdd(OwnerOf(content.First), true);
            int now = Interlocked.Increment(ref store._uploading);
            int seen;
            while ((seen = Volatile.Read(ref store._mostAtOnce)) < now && Interlocked.CompareExchange(ref store._mostAtOnce, now, seen) != seen)
            {
            }

            try
            {
                if (store.BeforePart is { } hook)
                {
                    await hook(partNumber, cancellationToken).ConfigureAwait(false);
                }

                await inner.UploadPartAsync(partNumber, offset, content, cancellationToken).ConfigureAwait(false);
                store.Parts.Enqueue((partNumber, offset, content.Length));
            }
            finally
            {
                Interlocked.Decrement(ref store._uploading);
            }
        }

        public async Task<PayloadPointer> CompleteAsync(int partCount, long length, string sha256, CancellationToken cancellationToken)
        {
            await store.BeforeAsync(StoreStep.Complete).ConfigureAwait(false);
            PayloadPointer pointer = await inner.CompleteAsync(partCount, length, sha256, cancellationToken).ConfigureAwait(false);
            Interlocked.CompareExchange(ref _ended, 1, 0);
            return pointer;
        }

        public async ValueTask AbortAsync()
        {
            if (Interlocked.CompareExchange(ref _ended, 2, 0) == 0)
            {
                await store.BeforeAsync(StoreStep.Abort).ConfigureAwait(false);
                Interlocked.Increment(ref store._aborts);
            }

            await inner.AbortAsync().ConfigureAwait(false);
        }

        public ValueTask DisposeAsync() => AbortAsync();
    }

    private static object OwnerOf(ReadOnlyMemory<byte> memory)
        => MemoryMarshal.TryGetMemoryManager(memory, out MemoryManager<byte>? manager) ? manager
            : MemoryMarshal.TryGetArray(memory, out ArraySegment<byte> array) ? array.Array!
            : throw new InvalidOperationException("A part's memory is neither a memory manager's nor an array's.");

    private sealed class WholeWritesOnly(ScriptedPartStore store) : IPayloadStore
    {
        public string Bucket => store.Bucket;

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => store.WriteAsync(write, cancellationToken);

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => store.OpenReadAsync(pointer, maxBytes, cancellationToken);

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => store.DeleteAsync(pointer, cancellationToken);
    }
}
