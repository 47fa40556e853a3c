using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// A store that accepts an object in parts while it is still being produced, so a payload of any size is written
/// in the memory of a few parts: S3 by multipart upload, the file store by positional writes to a temporary file.
/// </summary>
/// <remarks>
/// The runtime cuts the payload into parts of <see cref="PartSizeBytes"/> (only the last may be shorter), keeps at
/// most <see cref="MaxConcurrentParts"/> of them uploading, and makes serialization wait for a free part otherwise.
/// A payload that ends before its first part is full is written by <see cref="IPayloadStore.WriteAsync"/> instead.
/// Stores that do not implement this interface receive every payload whole, through that method.
/// </remarks>
public interface IStreamingPayloadStore : IPayloadStore
{
    /// <summary>The size of every part but the last.</summary>
    long PartSizeBytes { get; }

    /// <summary>How many parts may be uploading at once; the memory of a streamed write is about one more than this.</summary>
    int MaxConcurrentParts { get; }

    /// <summary>Starts an object under <paramref name="key"/>, with the headers and tags <paramref name="description"/> calls for.</summary>
    /// <exception cref="PayloadStoreException">The store failed; the inner exception says why.</exception>
    Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken);
}
