using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// The file store, which checks what it is given (every part written at its offset, the length on completion, the
/// object renamed into place only then), behind a window the test controls: the part size and concurrency it names,
/// a hook that runs before each part is written (to delay it, fail it, or hold it until it is cancelled), and a
/// record of what the runtime asked of it. In process, so a streamed upload's own logic is tested in milliseconds;
/// what S3 itself does with parts is tested on s3rver (<c>MultipartUploadS3Tests</c>).
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

    /// <summary>Thrown by <see cref="StartUploadAsync"/> instead of starting an upload.</summary>
    public Exception? StartFailure { get; init; }

    public string Bucket => files.Bucket;

    public long PartSizeBytes => partSizeBytes;

    public int MaxConcurrentParts => maxConcurrentParts;

    /// <summary>Every part written, as (number, offset, length), in the order the writes finished.</summary>
    public ConcurrentQueue<(int Number, long Offset, long Length)> Parts { get; } = new();

    /// <summary>The most parts that were between the start of their hook and the end of their write at once.</summary>
    public int MostPartsAtOnce => Volatile.Read(ref _mostAtOnce);

    public int UploadsStarted => Volatile.Read(ref _starts);

    /// <summary>Uploads ended without completing (aborted or disposed), each counted once.</summary>
    public int UploadsAborted => Volatile.Read(ref _aborts);

    /// <summary>Payloads written whole (<see cref="IPayloadStore.WriteAsync"/>), not in parts.</summary>
    public int WholeWrites => Volatile.Read(ref _wholeWrites);

    public async Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken)
    {
        if (StartFailure is not null)
        {
            throw StartFailure;
        }

        Interlocked.Increment(ref _starts);
        return new Upload(this, await files.StartUploadAsync(key, description, cancellationToken));
    }

    public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _wholeWrites);
        return files.WriteAsync(write, cancellationToken);
    }

    public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => files.OpenReadAsync(pointer, maxBytes, cancellationToken);

    public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => files.DeleteAsync(pointer, cancellationToken);

    private sealed class Upload(ScriptedPartStore store, IPayloadUpload inner) : IPayloadUpload
    {
        private int _ended; // 0 open, 1 completed, 2 aborted

        public string Key => inner.Key;

        public async Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
        {
            int now = Interlocked.Increment(ref store._uploading);
            int seen;
            while ((seen = Volatile.Read(ref store._mostAtOnce)) < now && Interlocked.CompareExchange(ref store._mostAtOnce, now, seen) != seen)
            {
            }

            try
            {
                if (store.BeforePart is { } hook)
                {
                    await hook(partNumber, cancellationToken);
                }

                await inner.UploadPartAsync(partNumber, offset, content, cancellationToken);
                store.Parts.Enqueue((partNumber, offset, content.Length));
            }
            finally
            {
                Interlocked.Decrement(ref store._uploading);
            }
        }

        public async Task<PayloadPointer> CompleteAsync(int partCount, long length, string sha256, CancellationToken cancellationToken)
        {
            PayloadPointer pointer = await inner.CompleteAsync(partCount, length, sha256, cancellationToken);
            Interlocked.CompareExchange(ref _ended, 1, 0);
            return pointer;
        }

        public ValueTask AbortAsync()
        {
            if (Interlocked.CompareExchange(ref _ended, 2, 0) == 0)
            {
                Interlocked.Increment(ref store._aborts);
            }

            return inner.AbortAsync();
        }

        public ValueTask DisposeAsync() => AbortAsync();
    }
}
