using System;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>A store that can hand out time-limited URLs to read or write an object without credentials.</summary>
public interface IPresigningPayloadStore : IPayloadStore
{
    /// <summary>A GET URL for the object <paramref name="pointer"/> names, valid for <paramref name="lifetime"/>.</summary>
    Task<string> PresignReadAsync(PayloadPointer pointer, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>
    /// A PUT URL that writes <paramref name="key"/> in <see cref="IPayloadStore.Bucket"/>, valid for
    /// <paramref name="lifetime"/>, with the object's headers (<see cref="PayloadDescription.ContentType"/>, and whatever
    /// the store puts on every object: encryption, storage class, tags) bound into the signature: the uploader must
    /// send exactly <see cref="PresignedUpload.Headers"/>.
    /// </summary>
    Task<PresignedUpload> PresignWriteAsync(string key, PayloadDescription description, TimeSpan lifetime, CancellationToken cancellationToken);
}
