using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// An object being written in parts (<see cref="IStreamingPayloadStore.StartUploadAsync"/>). Nothing is visible
/// under the key until <see cref="CompleteAsync"/> succeeds; disposing an upload that was not completed aborts it,
/// so no parts are left behind.
/// </summary>
public interface IPayloadUpload : IAsyncDisposable
{
    /// <summary>The object key.</summary>
    string Key { get; }

    /// <summary>
    /// Uploads part <paramref name="partNumber"/> (from 1), which starts <paramref name="offset"/> bytes into the object.
    /// Different parts may be uploaded concurrently; <paramref name="content"/> is only read until the task completes.
    /// </summary>
    /// <exception cref="PayloadStoreException">The store failed; the inner exception says why.</exception>
    Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the object of the uploaded parts visible and returns its pointer, which carries
    /// <paramref name="length"/> and <paramref name="sha256"/> (computed by the caller while it produced the parts).
    /// </summary>
    /// <exception cref="PayloadStoreException">The store failed; the inner exception says why.</exception>
    Task<PayloadPointer> CompleteAsync(int partCount, long length, string sha256, CancellationToken cancellationToken);

    /// <summary>Discards the parts uploaded so far. Never throws: the failure that led here is the one worth reporting.</summary>
    ValueTask AbortAsync();
}
