using System;
using System.Buffers;
using System.IO;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>The HTTP claim check: proxy responses over their limit answer with a redirect to the stored body.</summary>
public sealed partial class ClaimCheckRuntime
{
    /// <summary>How long a presigned URL handed to an HTTP client stays valid unless configured otherwise: 15 minutes.</summary>
    public static readonly TimeSpan DefaultHttpUrlLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Stores an HTTP body with its content headers and returns a presigned GET URL for it: the one primitive every
    /// HTTP path uses (generated proxy-response wrappers, the ASP.NET Core middleware, the claim-check serializer).
    /// </summary>
    /// <param name="body">The body's bytes, exactly as the client must receive them (already base64-decoded).</param>
    /// <param name="contentHeaders">Headers stored with the object, so the URL serves the body as the handler meant it.</param>
    /// <param name="source">The HTTP source the body would have travelled through.</param>
    /// <param name="urlLifetime">How long the URL stays valid; <see langword="null"/> takes <see cref="HttpUrlLifetime"/>.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <exception cref="ClaimCheckConfigurationException">
    /// No bucket is configured, the store cannot presign URLs (the file store), or the lifetime is out of range.
    /// </exception>
    public async Task<OffloadedHttpBody> OffloadHttpBodyAsync(ReadOnlySequence<byte> body, HttpContentHeaders contentHeaders, PayloadSource source, TimeSpan? urlLifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHeaders);
        long started = StartTiming();
        TimeSpan lifetime = CheckedUrlLifetime(urlLifetime ?? HttpUrlLifetime);
        IPresigningPayloadStore presigning = PresigningStore(body.Length, source);
        PayloadPointer pointer = await OffloadAsync(body, HttpBodyDescription(contentHeaders, source), cancellationToken).ConfigureAwait(false);
        return await PresignHttpBodyAsync(pointer, body.Length, presigning, lifetime, started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The streamed variant of <see cref="OffloadHttpBodyAsync"/>, for an HTTP body still being written that is already
    /// known to be stored (it passed the threshold): its bytes go into a multipart upload as they are written, so the
    /// memory is the parts in flight whatever the body's length. Everything a stored body can be refused for — no
    /// presigning store, a lifetime out of range — is refused here, before the first byte is uploaded.
    /// </summary>
    /// <param name="contentHeaders">Headers stored with the object, as they are when the upload starts.</param>
    /// <param name="source">The HTTP source the body would have travelled through.</param>
    /// <param name="urlLifetime">How long the URL stays valid; <see langword="null"/> takes <see cref="HttpUrlLifetime"/>.</param>
    /// <param name="knownLongerThan">A length the body is known to exceed (the threshold it passed).</param>
    /// <returns>The upload, or <see langword="null"/> when the store does not take parts (the body must be stored whole).</returns>
    /// <exception cref="ClaimCheckConfigurationException">The store cannot presign URLs, or the lifetime is out of range.</exception>
    internal StreamedHttpBody? StartStreamedHttpBody(HttpContentHeaders contentHeaders, PayloadSource source, TimeSpan? urlLifetime, long knownLongerThan)
    {
        ArgumentNullException.ThrowIfNull(contentHeaders);
        long started = StartTiming();
        TimeSpan lifetime = CheckedUrlLifetime(urlLifetime ?? HttpUrlLifetime);
        IPresigningPayloadStore presigning = PresigningStore(knownLongerThan + 1, source);
        if (Store is not IStreamingPayloadStore)
        {
            return null;
        }

        var offload = new StreamedOffload(this, inlineThreshold: -1, HttpBodyDescription(contentHeaders, source), knownLongerThan);
        return new StreamedHttpBody(this, offload, presigning, lifetime, started);
    }

    /// <summary>Presigns a stored HTTP body's URL and reports the body to the observer: the end of every HTTP offload.</summary>
    internal async Task<OffloadedHttpBody> PresignHttpBodyAsync(PayloadPointer pointer, long bytes, IPresigningPayloadStore presigning, TimeSpan lifetime, long started, CancellationToken cancellationToken)
    {
        DateTimeOffset expiresAt = DateTimeOffset.UtcNow + lifetime;
        string url = await presigning.PresignReadAsync(pointer, lifetime, cancellationToken).ConfigureAwait(false);
        pointer = pointer with { Url = url };
        Report(PayloadDirection.Dehydrated, bytes, pointer, started);
        return new OffloadedHttpBody(pointer, new Uri(url, UriKind.Absolute), expiresAt);
    }

    private static PayloadDescription HttpBodyDescription(HttpContentHeaders contentHeaders, PayloadSource source) => new()
    {
        ContentType = contentHeaders.EffectiveContentType,
        ContentDisposition = contentHeaders.ContentDisposition,
        ContentEncoding = contentHeaders.ContentEncoding,
        Direction = OffloadDirection.Response,
        Source = source,
    };

    /// <summary>
    /// Serializes a proxy response once into pooled memory. Within the source's limit it is returned as is, byte for
    /// byte what Lambda's serializer writes; over it, the body is stored and the answer redirects to it (or carries
    /// its URL, <see cref="HttpOffloadAnswer.Json"/>). Responses other than 2xx are never stored.
    /// </summary>
    /// <param name="value">The handler's proxy response.</param>
    /// <param name="typeInfo">Metadata of the response type.</param>
    /// <param name="source">The HTTP source; decides the limit (ALB 1 MB, the others 6 MB).</param>
    /// <param name="handler">What the handler's <c>[ClaimCheck]</c> says.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>A readable stream of the response JSON; disposing it returns the pooled memory.</returns>
    /// <exception cref="HttpResponseShapeException">The response is over the limit and not a proxy response.</exception>
    public async ValueTask<Stream> DehydrateHttpResponseAsync<T>(T value, JsonTypeInfo<T> typeInfo, PayloadSource source, HttpHandlerSettings handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        long started = StartTiming();
        PooledByteBuffer buffer = PooledJsonSerializer.Serialize(value, typeInfo);
        try
        {
            long threshold = HttpInlineThreshold(source, handler.InlineThresholdBytes);
            if (buffer.Length <= threshold)
            {
                Report(PayloadDirection.Dehydrated, buffer.Length, null, started);
                return new ReadOnlySequenceStream(buffer.WrittenSequence, owner: buffer);
            }

            byte[] answer;
            using (HttpProxyResponse response = HttpProxyResponseReader.Read(buffer.WrittenSequence))
            {
                if (!response.IsSuccess || !response.HasBody)
                {
                    ReportNotOffloaded(response.StatusCode, buffer.Length, threshold);
                    return new ReadOnlySequenceStream(buffer.WrittenSequence, owner: buffer);
                }

                TimeSpan? lifetime = handler.PresignSeconds > 0 ? TimeSpan.FromSeconds(handler.PresignSeconds) : null;
                OffloadedHttpBody offloaded = await OffloadHttpBodyAsync(response.Body, response.ContentHeaders(), source, lifetime, cancellationToken).ConfigureAwait(false);
                answer = HttpOffloadAnswerWriter.Write(response, offloaded, handler.Answer == HttpOffloadAnswer.Default ? Options.HttpAnswer : handler.Answer, source);
            }

            buffer.Dispose();
            return new MemoryStream(answer, writable: false);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The lifetime of presigned URLs handed to HTTP clients: <see cref="ClaimCheckOptions.PresignedUrlLifetime"/>
    /// (<c>PAYLOADGEN_PRESIGN_SECONDS</c>), else <see cref="DefaultHttpUrlLifetime"/>.
    /// </summary>
    public TimeSpan HttpUrlLifetime => Options.PresignedUrlLifetime ?? DefaultHttpUrlLifetime;

    /// <summary>
    /// The inline threshold of an HTTP source: the handler's or the options' threshold, never above the source's
    /// limit (an ALB answers 502 to a response over 1 MB, whatever the configuration says).
    /// </summary>
    public long HttpInlineThreshold(PayloadSource source, long handlerThresholdBytes = 0)
        => Math.Min(InlineThreshold(source, handlerThresholdBytes), PayloadLimits.InlineLimit(source));

    private IPresigningPayloadStore PresigningStore(long bytes, PayloadSource source)
        => Store as IPresigningPayloadStore
            ?? throw new ClaimCheckConfigurationException($"An HTTP body of {bytes:N0} bytes ({source}) must be stored and redirected to, but the {Store.GetType().Name} cannot presign URLs. Use the S3 store ({EnvironmentVariables.Store}=s3 with {EnvironmentVariables.Bucket}).");

    private static TimeSpan CheckedUrlLifetime(TimeSpan lifetime)
        => lifetime >= TimeSpan.FromSeconds(1) && lifetime <= TimeSpan.FromDays(7)
            ? lifetime
            : throw new ClaimCheckConfigurationException($"A presigned URL must live between 1 second and 7 days (S3's limit), not {lifetime}.");

    private void ReportNotOffloaded(int statusCode, long bytes, long threshold)
    {
        if (Options.Observer is IClaimCheckObserver observer)
        {
            observer.OnHttpResponseNotOffloaded(statusCode, bytes, threshold);
        }
        else
        {
            Console.Error.WriteLine($"PayloadGen: a {statusCode} response of {bytes:N0} bytes is over the {threshold:N0}-byte limit of its HTTP source but was sent as is: only 2xx responses with a body are redirected to storage. An error body that large is a bug; the caller will likely see a 502.");
        }
    }
}
