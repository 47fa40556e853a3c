using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;

namespace PayloadGen;

/// <summary>
/// The claim check itself: reads payloads that may be pointers (hydration) and writes payloads that may be too
/// large to travel inline (dehydration). Generated wrappers call it; so can any code that sends or receives
/// payloads. One instance per execution environment: it holds the store and its S3 client.
/// </summary>
public sealed partial class ClaimCheckRuntime
{
    private static readonly Lazy<ClaimCheckRuntime> s_default = new(() => Create(ClaimCheckOptions.FromEnvironment()));

    private readonly PointerPolicy _policy;

    // The type of the last value that had to be stored (null once one of its values came back inline): its next value
    // is most likely large again, and is serialized straight into the streamed path (see DehydrateAsync).
    private JsonTypeInfo? _lastStoredType;

    /// <summary>Creates a runtime over <paramref name="store"/>; <paramref name="options"/> are validated and frozen.</summary>
    /// <exception cref="ClaimCheckConfigurationException">The options cannot work.</exception>
    public ClaimCheckRuntime(ClaimCheckOptions options, IPayloadStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        options.Validate();
        options.MakeReadOnly();
        Options = options;
        Store = store;
        var allowed = new System.Collections.Generic.List<string>(options.EffectiveAllowedBuckets);
        if (!string.IsNullOrEmpty(store.Bucket))
        {
            allowed.Add(store.Bucket);
        }

        _policy = new PointerPolicy(allowed, options.KeyPrefix, options.MaxPayloadBytes);
    }

    /// <summary>
    /// The runtime generated wrappers use unless their class provides one: configured from the <c>PAYLOADGEN_*</c>
    /// environment variables on first use, then kept for the life of the execution environment.
    /// </summary>
    public static ClaimCheckRuntime Default => s_default.Value;

    /// <summary>
    /// The options in force, frozen when the runtime was created (<see cref="ClaimCheckOptions.IsReadOnly"/>): a
    /// prefix or allow-list that changed under a running function would be a hole, so every setter now throws.
    /// </summary>
    public ClaimCheckOptions Options { get; }

    /// <summary>Where offloaded payloads are kept.</summary>
    public IPayloadStore Store { get; }

    /// <summary>
    /// Creates a runtime and its store from <paramref name="options"/>: a <see cref="FilePayloadStore"/> for
    /// <c>file:&lt;dir&gt;</c>, otherwise an <see cref="S3PayloadStore"/> over <paramref name="s3"/> or a client
    /// made from the options by <see cref="S3ClientFactory"/> on the first S3 call (so payloads that stay inline
    /// need no region, credentials or client).
    /// </summary>
    /// <exception cref="ClaimCheckConfigurationException">The options cannot work.</exception>
    public static ClaimCheckRuntime Create(ClaimCheckOptions options, IAmazonS3? s3 = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ClaimCheckRuntime(options, CreateStore(options, s3));
    }

    /// <summary>Starts the cancellation deadline for an invocation with <paramref name="remaining"/> time left.</summary>
    public LambdaDeadline StartDeadline(TimeSpan remaining) => LambdaDeadline.Start(remaining, Options.DeadlineMargin);

    /// <summary>Reads a payload that is either inline JSON or a pointer to a stored one.</summary>
    /// <param name="payload">The raw payload; read to its end but not disposed.</param>
    /// <param name="typeInfo">Metadata of the payload's type.</param>
    /// <param name="allowBarePointer">
    /// Whether <c>{"bucket":…,"key":…}</c> alone is a pointer; only when <typeparamref name="T"/> cannot have that shape.
    /// </param>
    /// <param name="cancellationToken">Cancels store calls.</param>
    public ValueTask<T?> HydrateAsync<T>(Stream payload, JsonTypeInfo<T> typeInfo, bool allowBarePointer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (!ContiguousPayload.TryReadInMemory(payload, Options.MaxPayloadBytes, out ContiguousPayload contiguous))
        {
            return HydrateCopyAsync(payload, typeInfo, allowBarePointer, cancellationToken);
        }

        // Lambda hands a stream handler its payload in memory: read there, an inline payload completes without an
        // async state machine, whose generic instantiations a cold start would pay for in JIT time. The memory is
        // needed only until the pointer (if any) is parsed.
        var request = new HydrationRequest(contiguous.Memory, allowBarePointer);
        T? inline;
        PayloadPointer? pointer;
        using (contiguous)
        {
            if (TryHydrateInline(request, typeInfo, out inline, out pointer))
            {
                return new ValueTask<T?>(inline);
            }
        }

        return ValueOfAsync(FollowAsync(request with { Body = default }, pointer!, typeInfo, cancellationToken));
    }

    /// <summary>Reads a payload held in memory that is either inline JSON or a pointer to a stored one.</summary>
    public ValueTask<T?> HydrateAsync<T>(ReadOnlyMemory<byte> payload, JsonTypeInfo<T> typeInfo, bool allowBarePointer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var request = new HydrationRequest(payload, allowBarePointer);
        return TryHydrateInline(request, typeInfo, out T? inline, out PayloadPointer? pointer)
            ? new ValueTask<T?>(inline)
            : ValueOfAsync(FollowAsync(request, pointer!, typeInfo, cancellationToken));
    }

    /// <summary>
    /// Returns <paramref name="payload"/>, refusing JSON <c>null</c>: generated wrappers pass a hydrated payload through
    /// here when the handler's parameter is not nullable (a nullable one receives <see langword="null"/> as sent).
    /// </summary>
    /// <exception cref="PayloadNullException"><paramref name="payload"/> is <see langword="null"/>.</exception>
    public static T RequirePayload<T>(T? payload)
        where T : class
        => payload ?? throw new PayloadNullException(typeof(T));

    /// <summary>
    /// Follows <paramref name="pointer"/> and deserializes the object it names, straight from the store's stream
    /// while counting and hashing it; the value is returned only when length and hash match the pointer.
    /// </summary>
    public async ValueTask<T?> ReadAsync<T>(PayloadPointer pointer, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return (await ReadStoredAsync(pointer, typeInfo, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>
    /// Serializes <paramref name="value"/> once into pooled memory; returns it as a stream when it fits under the
    /// inline threshold, otherwise stores it and returns a pointer to it.
    /// </summary>
    /// <param name="value">The payload.</param>
    /// <param name="typeInfo">Metadata of the payload's type.</param>
    /// <param name="source">How the payload travels; decides the default threshold.</param>
    /// <param name="inlineThresholdBytes">A per-handler threshold; zero takes the options' or the source's.</param>
    /// <param name="cancellationToken">Cancels store calls.</param>
    /// <returns>A readable stream; disposing it returns the pooled memory.</returns>
    public ValueTask<Stream> DehydrateAsync<T>(T value, JsonTypeInfo<T> typeInfo, PayloadSource source, long inlineThresholdBytes, CancellationToken cancellationToken)
        => DehydrateAsync(value, typeInfo, source, inlineThresholdBytes, OffloadDirection.Response, cancellationToken);

    /// <summary>Dehydrates a response or a request; <paramref name="direction"/> ends up in the stored object's tags.</summary>
    /// <remarks>
    /// A value is first serialized synchronously into pooled memory, which stops as soon as the JSON passes the
    /// threshold: what fits is returned as those bytes, with no store call and no async state machine. What does not
    /// is serialized again, straight into a <see cref="StreamedOffload"/> that uploads it in parts while it is
    /// written, so memory is bounded by the parts in flight, not by the payload (the first attempt costs at most the
    /// threshold's worth of serialization; the upload is created as soon as the second pass begins when the threshold
    /// fills a part). Lazy sequences — an <see cref="System.Collections.Generic.IAsyncEnumerable{T}"/>, an iterator — are
    /// never enumerated twice: they go to the streamed path directly, which is what lets them be of any length, and
    /// holds their first bytes until they pass the threshold. So does a value of the type whose last value was stored:
    /// the attempt would most likely be wasted (a function that returns a large report returns a large report again),
    /// and the streamed path returns a small one inline all the same — the same bytes, at the cost of the asynchronous
    /// serializer — and sends that type's next value back to the synchronous attempt.
    /// </remarks>
    internal ValueTask<Stream> DehydrateAsync<T>(T value, JsonTypeInfo<T> typeInfo, PayloadSource source, long inlineThresholdBytes, OffloadDirection direction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        long started = StartTiming();
        long threshold = InlineThreshold(source, inlineThresholdBytes);
        var description = new PayloadDescription { Direction = direction, Source = source };
        if (IsLazySequence(value, typeInfo))
        {
            return StreamToStoreAsync(value, typeInfo, threshold, description, started, rememberType: false, knownLongerThan: -1, cancellationToken);
        }

        if (ReferenceEquals(Volatile.Read(ref _lastStoredType), typeInfo))
        {
            return StreamToStoreAsync(value, typeInfo, threshold, description, started, rememberType: true, knownLongerThan: -1, cancellationToken);
        }

        if (PooledJsonSerializer.TrySerializeWithin(value, typeInfo, threshold) is PooledByteBuffer fits)
        {
            // Completes synchronously: no async state machine for the common case (see HydrateAsync).
            Report(PayloadDirection.Dehydrated, fits.Length, null, started);
            return new ValueTask<Stream>(new ReadOnlySequenceStream(fits.WrittenSequence, owner: fits));
        }

        // A value that did not fit is known to go to the store: its streamed pass starts on parts at once, rather than
        // buffering the threshold's worth again, and is known to be longer than the threshold.
        return StreamToStoreAsync(value, typeInfo, threshold: -1, description, started, rememberType: true, knownLongerThan: threshold, cancellationToken);
    }

    /// <remarks>
    /// A short sequence whose items are produced synchronously (most of them) is serialized without ever suspending:
    /// that case completes here, with no async state machine around the serializer's and no awaits on a stream that
    /// stayed in pooled memory, which is what a 1 KB sequence response otherwise spends beside plain System.Text.Json.
    /// </remarks>
    private ValueTask<Stream> StreamToStoreAsync<T>(T value, JsonTypeInfo<T> typeInfo, long threshold, PayloadDescription description, long started, bool rememberType, long knownLongerThan, CancellationToken cancellationToken)
    {
        var offload = new StreamedOffload(this, threshold, description, knownLongerThan);
        Task serialization;
        Stream? inline = null;
        try
        {
            serialization = PooledJsonSerializer.SerializeAsync(offload, value, typeInfo, cancellationToken);
            if (serialization.IsCompletedSuccessfully)
            {
                inline = offload.TryCompleteInline();
            }
        }
        catch
        {
            offload.Dispose();
            throw;
        }

        // A serialization that suspended or failed, or a payload that reached the part buffers, finishes asynchronously.
        if (inline is null)
        {
            return FinishStreamToStoreAsync(offload, serialization, typeInfo, started, rememberType, cancellationToken);
        }

        // Nothing but pooled memory, now the returned stream's: disposing the offload completes synchronously.
        offload.Dispose();
        return new ValueTask<Stream>(Returned(new OffloadOutcome(inline, Pointer: null, offload.BytesWritten), typeInfo, started, rememberType));
    }

    /// <summary>The rest of <see cref="StreamToStoreAsync"/>: a serialization that suspended, or a payload that reached the part buffers.</summary>
    private async ValueTask<Stream> FinishStreamToStoreAsync<T>(StreamedOffload offload, Task serialization, JsonTypeInfo<T> typeInfo, long started, bool rememberType, CancellationToken cancellationToken)
    {
        OffloadOutcome outcome;
        await using (offload.ConfigureAwait(false))
        {
            await serialization.ConfigureAwait(false);
            outcome = await offload.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Inline is not null)
        {
            return Returned(outcome, typeInfo, started, rememberType);
        }

        if (rememberType)
        {
            Volatile.Write(ref _lastStoredType, typeInfo);
        }

        PayloadPointer pointer = outcome.Pointer!;
        if (Options.PresignedUrlLifetime is TimeSpan lifetime && Store is IPresigningPayloadStore presigning)
        {
            pointer = pointer with { Url = await presigning.PresignReadAsync(pointer, lifetime, cancellationToken).ConfigureAwait(false) };
        }

        Report(PayloadDirection.Dehydrated, outcome.Length, pointer, started);
        return PayloadPointerWriter.ToStream(pointer);
    }

    /// <summary>A lazy sequence, or a value of a type last seen stored, that turned out short: returned inline.</summary>
    private Stream Returned<T>(OffloadOutcome outcome, JsonTypeInfo<T> typeInfo, long started, bool rememberType)
    {
        if (rememberType)
        {
            _ = Interlocked.CompareExchange(ref _lastStoredType, null, typeInfo);
        }

        Report(PayloadDirection.Dehydrated, outcome.Length, null, started);
        return outcome.Inline!;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is a sequence produced as it is enumerated (an <c>IAsyncEnumerable&lt;T&gt;</c>, an
    /// iterator): it goes straight to the streamed path, because the synchronous attempt would enumerate it twice.
    /// </summary>
    private static bool IsLazySequence<T>(T value, JsonTypeInfo<T> typeInfo)
        => typeInfo.Kind == JsonTypeInfoKind.Enumerable && value is not System.Collections.ICollection;

    /// <summary>Stores <paramref name="content"/>, a JSON response, under a new key below the prefix and returns its pointer.</summary>
    /// <exception cref="ClaimCheckConfigurationException">No bucket is configured to write to.</exception>
    public Task<PayloadPointer> OffloadAsync(ReadOnlySequence<byte> content, CancellationToken cancellationToken)
        => OffloadAsync(content, PayloadDescription.Json, cancellationToken);

    /// <summary>
    /// Stores <paramref name="content"/> under a new key below the prefix, with the headers and tags
    /// <paramref name="description"/> calls for, and returns its pointer.
    /// </summary>
    /// <exception cref="ClaimCheckConfigurationException">No bucket is configured to write to.</exception>
    public async Task<PayloadPointer> OffloadAsync(ReadOnlySequence<byte> content, PayloadDescription description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(description);
        string key = NewOffloadKey(content.Length, description);
        return await Store.WriteAsync(new PayloadWrite(key, content, Sha256Hex.Of(content), description), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new key below the prefix for a payload that must be offloaded (<paramref name="length"/> bytes so far).</summary>
    /// <exception cref="ClaimCheckConfigurationException">No bucket is configured to write to.</exception>
    internal string NewOffloadKey(long length, PayloadDescription description)
    {
        if (string.IsNullOrEmpty(Store.Bucket))
        {
            throw new ClaimCheckConfigurationException($"A payload of {length:N0} bytes or more must be offloaded, but no bucket is configured. Set {EnvironmentVariables.Bucket}.");
        }

        // The extension names the type for whoever downloads the object (.json, or .csv for an HTTP body).
        return ObjectKeys.NewKey(Options.KeyPrefix, DateTimeOffset.UtcNow, HttpMediaTypes.KeyExtension(description.ContentType));
    }

    /// <summary>The inline threshold in force for <paramref name="source"/>.</summary>
    public long InlineThreshold(PayloadSource source, long handlerThresholdBytes = 0)
        => handlerThresholdBytes > 0 ? handlerThresholdBytes
            : Options.InlineThresholdBytes ?? PayloadLimits.DefaultInlineThreshold(source);

    /// <summary>
    /// The hydration core every path calls: reads <paramref name="request"/> as inline JSON or as a pointer, and says
    /// which pointer (if any) it followed.
    /// </summary>
    internal ValueTask<HydratedPayload<T>> HydrateAsync<T>(HydrationRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        => TryHydrateInline(request, typeInfo, out T? inline, out PayloadPointer? pointer)
            ? new ValueTask<HydratedPayload<T>>(new HydratedPayload<T>(inline, null))
            : FollowAsync(request, pointer!, typeInfo, cancellationToken);

    /// <summary>
    /// The synchronous half of the core: deserializes <paramref name="request"/> when it is inline JSON (and returns
    /// <see langword="true"/>), or finds the pointer to follow.
    /// </summary>
    private bool TryHydrateInline<T>(in HydrationRequest request, JsonTypeInfo<T> typeInfo, out T? value, out PayloadPointer? pointer)
    {
        long started = StartTiming();
        ReadOnlySpan<byte> body = request.Body.Span;
        if (PayloadPointerReader.TryRead(body, request.AllowBarePointer, out pointer))
        {
            value = default;
            return false;
        }

        if (request.AnnouncedSize is not null)
        {
            throw new MalformedPointerException($"The message is flagged as offloaded ({MessageAttributeNames.ExtendedPayloadSize}) but its body is not a pointer.");
        }

        value = DeserializeInline(body, typeInfo);
        Report(PayloadDirection.Hydrated, body.Length, null, started);
        return true;
    }

    /// <summary>
    /// The asynchronous half: follows <paramref name="pointer"/>. A size and SHA-256 announced beside a pointer that
    /// has no room for them (extended-client, bare) complete it, each on its own: the size is capped before download
    /// and must be the object's length, and with a hash the object is verified end to end like a PayloadGen pointer.
    /// A PayloadGen pointer's own size and hash are never replaced by attributes.
    /// </summary>
    private async ValueTask<HydratedPayload<T>> FollowAsync<T>(HydrationRequest request, PayloadPointer pointer, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        long started = StartTiming();
        if (pointer.Format != PointerFormat.PayloadGen)
        {
            pointer = request.Complete(pointer);
        }

        (T? value, long length) = await ReadStoredAsync(pointer, typeInfo, cancellationToken).ConfigureAwait(false);
        Report(PayloadDirection.Hydrated, length, pointer, started);
        return new HydratedPayload<T>(value, pointer);
    }

    private static async ValueTask<T?> ValueOfAsync<T>(ValueTask<HydratedPayload<T>> hydration)
        => (await hydration.ConfigureAwait(false)).Value;

    private async ValueTask<T?> HydrateCopyAsync<T>(Stream payload, JsonTypeInfo<T> typeInfo, bool allowBarePointer, CancellationToken cancellationToken)
    {
        using ContiguousPayload contiguous = await ContiguousPayload.ReadAsync(payload, Options.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        return await HydrateAsync(contiguous.Memory, typeInfo, allowBarePointer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells the observer (or, without one, standard error — the function's log) that a record failed.</summary>
    internal void ReportFailure(QueueMessageContext message, Exception error)
    {
        if (Options.Observer is IClaimCheckObserver observer)
        {
            observer.OnRecordFailed(message, error);
        }
        else
        {
            Console.Error.WriteLine($"PayloadGen: {message} failed: {error.GetType().Name}: {UntrustedName.MessageOf(error)}");
        }
    }

    private async ValueTask<(T? Value, long Length)> ReadStoredAsync<T>(PayloadPointer pointer, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        _policy.Validate(pointer);
        await using StoredPayload stored = await Store.OpenReadAsync(pointer, Options.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        await using var verifying = new VerifyingReadStream(stored.Content, pointer, stored.Length);
        try
        {
            T? value;
            try
            {
                value = await JsonSerializer.DeserializeAsync(verifying, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (PayloadJsonException.IsReadFailure(ex))
            {
                // A tampered or truncated object usually also breaks the JSON: report the integrity failure first.
                await verifying.VerifyToEndAsync(cancellationToken).ConfigureAwait(false);
                throw PayloadJsonException.FromRead(typeInfo, $"payload object '{UntrustedName.Render(pointer.Key)}'", ex);
            }

            await verifying.VerifyToEndAsync(cancellationToken).ConfigureAwait(false);
            return (value, stored.Length);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, cancellationToken))
        {
            // A store whose stream does not translate its own failures (S3's does).
            throw new PayloadStoreException("finish reading", pointer.Bucket, pointer.Key, $"the body broke off part-way ({StoreFailures.Describe(ex)}).", ex);
        }
    }

    internal static T? DeserializeInline<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (Exception ex) when (PayloadJsonException.IsReadFailure(ex))
        {
            throw PayloadJsonException.FromRead(typeInfo, "inline payload", ex);
        }
    }

    /// <summary>
    /// The start of a timed step for <see cref="Report"/>: read from the clock only when an observer will receive the
    /// duration: two clock reads are a measurable share of a 1 KB payload's claim check.
    /// </summary>
    internal long StartTiming() => Options.Observer is null ? 0 : Stopwatch.GetTimestamp();

    /// <summary>Tells the observer, if any, about a payload read or written since <paramref name="started"/> (<see cref="StartTiming"/>).</summary>
    internal void Report(PayloadDirection direction, long bytes, PayloadPointer? pointer, long started)
        => Options.Observer?.OnPayload(new ClaimCheckEvent(direction, bytes, pointer, Stopwatch.GetElapsedTime(started)));

    private static IPayloadStore CreateStore(ClaimCheckOptions options, IAmazonS3? s3)
    {
        // Building a store has no side effects (the S3 client comes later), so the constructor's validation, which
        // names an unknown store, runs before anything is used.
        if (options.FileStoreDirectory is string directory)
        {
            return new FilePayloadStore(directory, options.Bucket);
        }

        var storeOptions = new S3PayloadStoreOptions
        {
            Bucket = options.Bucket ?? string.Empty,
            ExpectedBucketOwner = options.EffectiveExpectedBucketOwner,
            UseChunkEncoding = options.S3ChunkedEncoding,
            Objects = options.ObjectSettings,
        };
        return s3 is null
            ? new S3PayloadStore(() => CreateS3Client(options), storeOptions)
            : new S3PayloadStore(s3, storeOptions);
    }

    // Runs on the first S3 call, not at start-up: a function whose payloads stay inline never pays for the client
    // and needs no region or credentials. When it does fail, say which settings the SDK was missing.
    private static IAmazonS3 CreateS3Client(ClaimCheckOptions options)
    {
        try
        {
            return S3ClientFactory.Create(options);
        }
        catch (AmazonClientException ex)
        {
            throw new ClaimCheckConfigurationException(
                $"A payload needs S3 ({EnvironmentVariables.Store}=s3), but the S3 client cannot be created: {ex.Message} Set {EnvironmentVariables.AwsRegion} (Lambda sets it) and credentials, or {EnvironmentVariables.Store}=file:<dir> for local runs.",
                ex);
        }
    }
}
