using System.Buffers;
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

    /// <summary>Writes <paramref name="content"/> under <paramref name="key"/> and returns a pointer to it.</summary>
    /// <param name="key">The object key, already under the configured prefix.</param>
    /// <param name="content">The payload bytes.</param>
    /// <param name="sha256">Lower-case hexadecimal SHA-256 of <paramref name="content"/>.</param>
    /// <param name="contentType">The payload's media type.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<PayloadPointer> WriteAsync(string key, ReadOnlySequence<byte> content, string sha256, string contentType, CancellationToken cancellationToken);

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
