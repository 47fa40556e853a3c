using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>Where offloaded payloads live: S3 in production, a local folder for local runs and the demo.</summary>
/// <remarks>
/// Stores do not decide which pointers may be followed; <see cref="ClaimCheckRuntime"/> validates every pointer
/// against the allow-list before calling the store.
/// </remarks>
public interface IPayloadStore
{
    /// <summary>The bucket this store writes to.</summary>
    string Bucket { get; }

    /// <summary>Stores <paramref name="write"/>'s content under its key, with its headers, and returns a pointer to it.</summary>
    /// <param name="write">The object: key, bytes, hash, headers, direction and source.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="PayloadStoreException">The store failed; the inner exception says why.</exception>
    Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the object <paramref name="pointer"/> names, after checking its stored length against
    /// <paramref name="maxBytes"/> (and against the pointer's size, when it has one) without reading the body.
    /// </summary>
    /// <exception cref="PayloadNotFoundException">The object does not exist.</exception>
    /// <exception cref="PayloadTooLargeException">The object is larger than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="PayloadIntegrityException">The object's length differs from the pointer's size.</exception>
    Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Deletes the object <paramref name="pointer"/> names; succeeds when it is already gone.</summary>
    Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken);
}
