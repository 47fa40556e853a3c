using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.Tests.Messaging;

/// <summary>A store in memory that keeps the exact bytes written, for tests that need no S3 server.</summary>
public sealed class MemoryPayloadStore : IPayloadStore
{
    public const string BucketName = "memory-payloads";

    public ConcurrentDictionary<string, byte[]> Objects { get; } = new();

    public string Bucket => BucketName;

    public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken)
    {
        Objects[write.Key] = write.Content.ToArray();
        return Task.FromResult(write.PointerIn(Bucket));
    }

    public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Objects.TryGetValue(pointer.Key, out byte[]? bytes))
        {
            throw new PayloadNotFoundException(pointer.Bucket, pointer.Key);
        }

        return Task.FromResult(new StoredPayload(new MemoryStream(bytes, writable: false), bytes.Length));
    }

    public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken)
    {
        Objects.TryRemove(pointer.Key, out _);
        return Task.CompletedTask;
    }
}
