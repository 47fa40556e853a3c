using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// A store that accepts an object in parts while it is still being produced, so a payload of any size is written
/// in the memory of a few parts: S3 by multipart upload, the file store by positional writes to a temporary file.
/// </summary>
/// <remarks>
/// The runtime cuts the payload into parts of <see cref="PartSizeBytes"/> (only the last may be shorter) for the
/// first 1,000 parts, twice that for the next 1,000 and so on (a payload's length is not known in advance, and S3
/// takes at most 10,000 parts), keeps at most <see cref="MaxConcurrentParts"/> of them uploading, and makes
/// serialization wait for a free part otherwise. A payload that ends before its first part is full is written by
/// <see cref="IPayloadStore.WriteAsync"/> instead.
/// Stores that do not implement this interface receive every payload whole, through that method.
/// </remarks>
public interface IStreamingPayloadStore : IPayloadStore
{
    /// <summary>The size of the first parts (every part but the last, up to part 1,000).</summary>
    long PartSizeBytes { get; }

    /// <summary>How many parts may be uploading at once; the memory of a streamed write is about one more than this.</summary>
    int MaxConcurrentParts { get; }

    /// <summary>Starts an object under <paramref name="key"/>, with the headers and tags <paramref name="description"/> calls for.</summary>
    /// <exception cref="PayloadStoreException">The store failed; the inner exception says why.</exception>
    Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken);
}
