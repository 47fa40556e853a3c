using System;
using System.IO;
using System.Text;
using System.Text.Unicode;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>Upload slots: request bodies too large for Lambda arrive through the store.</summary>
public sealed partial class ClaimCheckRuntime
{
    /// <summary>The folder, under the key prefix, that upload slots write to and request pointers must name.</summary>
    public const string UploadsFolder = "uploads/";

    /// <summary>
    /// Hands out an upload slot: a presigned PUT URL for a new key under <c>{prefix}uploads/</c> with
    /// <paramref name="contentType"/> bound into its signature. The function's role needs <c>s3:PutObject</c> on the
    /// prefix for the URL to work.
    /// </summary>
    /// <param name="contentType">The media type the client will upload.</param>
    /// <param name="lifetime">How long the URL accepts the upload; <see langword="null"/> takes <see cref="HttpUrlLifetime"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ClaimCheckConfigurationException">No bucket, a store that cannot presign, or a lifetime out of range.</exception>
    public async Task<UploadSlot> CreateUploadSlotAsync(string contentType, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        TimeSpan validFor = CheckedUrlLifetime(lifetime ?? HttpUrlLifetime);
        if (string.IsNullOrEmpty(Store.Bucket))
        {
            throw new ClaimCheckConfigurationException($"An upload slot needs a bucket to upload to. Set {EnvironmentVariables.Bucket}.");
        }

        if (Store is not IPresigningPayloadStore presigning)
        {
            throw new ClaimCheckConfigurationException($"An upload slot needs a store that presigns URLs, and the {Store.GetType().Name} cannot. Use the S3 store ({EnvironmentVariables.Store}=s3).");
        }

        string key = ObjectKeys.NewKey(Options.KeyPrefix + UploadsFolder, DateTimeOffset.UtcNow, HttpMediaTypes.KeyExtension(contentType));
        DateTimeOffset expiresAt = DateTimeOffset.UtcNow + validFor;
        var description = new PayloadDescription { ContentType = contentType, Direction = OffloadDirection.Request };
        PresignedUpload upload = await presigning.PresignWriteAsync(key, description, validFor, cancellationToken).ConfigureAwait(false);
        return new UploadSlot(new Uri(upload.Url, UriKind.Absolute), Store.Bucket, key, contentType, Options.MaxPayloadBytes, expiresAt) { Headers = upload.Headers };
    }

    /// <summary>
    /// When an HTTP request's body is a PayloadGen pointer to an upload slot, reads the stored content; otherwise
    /// returns <see langword="null"/> and the body stays as it is. The pointer is checked before any store call
    /// (allowed bucket, key under <c>{prefix}uploads/</c>, announced size under the cap), the object's size again
    /// before download, and its length and SHA-256 after.
    /// </summary>
    /// <param name="body">The request's <c>Body</c>.</param>
    /// <param name="isBase64Encoded">The request's <c>IsBase64Encoded</c>: a base64 body is binary, never a pointer.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <exception cref="ClaimCheckException">The body is a pointer that may not be followed, or its object does not match it.</exception>
    public async ValueTask<HttpRequestBody?> HydrateHttpRequestBodyAsync(string? body, bool isBase64Encoded, CancellationToken cancellationToken)
    {
        // A pointer is a few hundred bytes: anything longer, or binary, is an ordinary body and is never scanned.
        if (body is null || isBase64Encoded || body.Length > PointerWireNames.MaxPointerBytes)
        {
            return null;
        }

        long started = StartTiming();
        if (!PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(body), allowBareShape: false, out PayloadPointer? pointer)
            || pointer!.Format != PointerFormat.PayloadGen)
        {
            // Only the marked PayloadGen format is a pointer here: an extended-client array is a queue format, and a
            // JSON body that happens to be one is the client's data.
            return null;
        }

        _policy.Validate(pointer);
        if (!pointer.Key.StartsWith(Options.KeyPrefix + UploadsFolder, StringComparison.Ordinal))
        {
            // Offloaded responses live under the prefix too; a client must not make the function read one as its request.
            throw new PayloadKeyNotAllowedException(pointer.Bucket, pointer.Key, $"request bodies must come from an upload slot, under '{Options.KeyPrefix}{UploadsFolder}'.");
        }

        await using StoredPayload stored = await Store.OpenReadAsync(pointer, Options.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        await using var verifying = new VerifyingReadStream(stored.Content, pointer, stored.Length);
        using ContiguousPayload content = await ContiguousPayload.ReadAsync(verifying, Options.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        await verifying.VerifyToEndAsync(cancellationToken).ConfigureAwait(false);

        ReadOnlySpan<byte> bytes = content.Memory.Span;
        bool asText = (pointer.ContentType is null || HttpMediaTypes.IsText(pointer.ContentType)) && Utf8.IsValid(bytes);
        var hydrated = new HttpRequestBody(asText ? Encoding.UTF8.GetString(bytes) : Convert.ToBase64String(bytes), !asText, pointer);
        Report(PayloadDirection.Hydrated, stored.Length, pointer, started);
        return hydrated;
    }

    /// <summary>
    /// Whether <paramref name="error"/>, raised by <see cref="HydrateHttpRequestBodyAsync"/>, is a refusal of what the
    /// client sent (a forged or foreign pointer, an oversized, missing or tampered upload) rather than a failure of the
    /// function; generated HTTP wrappers answer those with <see cref="AnswerRefusedUpload"/>.
    /// </summary>
    public static bool IsRefusedUpload(Exception error) => HttpUploadRefusal.IsClientError(error);

    /// <summary>
    /// The proxy response for a refused upload pointer: 413 for a body over the cap, 400 otherwise, with a message
    /// that names no bucket or key. The details go to the observer (or standard error), as for a failed queue record.
    /// </summary>
    public Stream AnswerRefusedUpload(Exception error, PayloadSource source)
    {
        ArgumentNullException.ThrowIfNull(error);
        ReportRefusedUpload(error);
        return HttpUploadRefusal.Answer(error, source);
    }

    /// <summary>Tells the observer (or, without one, standard error — the function's log) why an upload pointer was refused.</summary>
    internal void ReportRefusedUpload(Exception error)
    {
        if (Options.Observer is IClaimCheckObserver observer)
        {
            observer.OnHttpUploadRefused(error);
        }
        else
        {
            Console.Error.WriteLine($"PayloadGen: an HTTP request's upload pointer was refused: {error.GetType().Name}: {error.Message}");
        }
    }
}
