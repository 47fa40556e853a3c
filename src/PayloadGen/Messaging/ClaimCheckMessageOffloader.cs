using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// Turns a message and its attributes into what to send through any transport (SQS, SNS, EventBridge, Lambda
/// invoke): the message itself when it fits, otherwise a pointer to the body stored through
/// <see cref="ClaimCheckRuntime"/>, flagged as the Java and Python extended clients expect.
/// </summary>
/// <remarks>One instance can serve the whole process; it holds no per-message state.</remarks>
public sealed class ClaimCheckMessageOffloader
{
    private static readonly IReadOnlyDictionary<string, OutgoingAttributeValue> s_none = ReadOnlyDictionary<string, OutgoingAttributeValue>.Empty;

    // The transport is the caller's business (SQS, SNS, EventBridge…), so the stored object says only that it is a message.
    private static readonly PayloadDescription s_message = new() { Direction = OffloadDirection.Message };

    /// <summary>The most message attributes SQS and SNS accept on one message.</summary>
    public const int MaxMessageAttributes = 10;

    private readonly ClaimCheckRuntime _runtime;

    /// <summary>Creates an offloader that stores bodies through <paramref name="runtime"/>.</summary>
    /// <exception cref="ArgumentException">The options cannot work.</exception>
    public ClaimCheckMessageOffloader(ClaimCheckRuntime runtime, MessageOffloadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        options ??= new MessageOffloadOptions();
        if (options.ThresholdBytes <= 0)
        {
            throw new ArgumentException("ThresholdBytes must be positive.", nameof(options));
        }

        if (options.PointerFormat is not (PointerFormat.ExtendedClient or PointerFormat.PayloadGen))
        {
            throw new ArgumentException("Offloaded messages carry an ExtendedClient or a PayloadGen pointer; the bare shape has no marker and no integrity data.", nameof(options));
        }

        _runtime = runtime;
        Options = options;
    }

    /// <summary>The options in force.</summary>
    public MessageOffloadOptions Options { get; }

    /// <summary>The size of a message, body plus attributes, as SQS and SNS count it.</summary>
    public static long MeasureBytes(string body, IReadOnlyDictionary<string, OutgoingAttributeValue>? attributes)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Encoding.UTF8.GetByteCount(body) + MeasureAttributes(attributes);
    }

    /// <summary>Whether a message of <paramref name="sizeBytes"/> (body plus attributes) is offloaded.</summary>
    public bool MustOffload(long sizeBytes) => Options.AlwaysOffload || sizeBytes > Options.ThresholdBytes;

    /// <summary>
    /// Returns the message to send for <paramref name="body"/>: unchanged when body plus attributes fit under the
    /// threshold, otherwise with the body stored and replaced by a pointer.
    /// </summary>
    /// <param name="body">The message body.</param>
    /// <param name="attributes">The caller's message attributes, if any; never modified.</param>
    /// <param name="cancellationToken">Cancels the store write.</param>
    /// <exception cref="TooManyMessageAttributesException">The body must be offloaded but the flag attribute does not fit.</exception>
    /// <exception cref="ArgumentException">An attribute uses a name PayloadGen reserves, or the attributes alone exceed the threshold.</exception>
    public Task<OutgoingMessage> PrepareAsync(string body, IReadOnlyDictionary<string, OutgoingAttributeValue>? attributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        attributes ??= s_none;
        CheckReservedNames(attributes);
        long bodyBytes = Encoding.UTF8.GetByteCount(body);
        long attributeBytes = MeasureAttributes(attributes);
        return MustOffload(bodyBytes + attributeBytes)
            ? StoreAsync(Encoding.UTF8.GetBytes(body), attributes, attributeBytes, cancellationToken)
            : Task.FromResult(new OutgoingMessage(body, attributes, s_none, null, bodyBytes, bodyBytes + attributeBytes));
    }

    /// <summary>
    /// Serializes <paramref name="message"/> once and returns the message to send: its JSON when body plus attributes
    /// fit under the threshold, otherwise a pointer to the stored JSON.
    /// </summary>
    /// <inheritdoc cref="PrepareAsync(string, IReadOnlyDictionary{string, OutgoingAttributeValue}?, CancellationToken)"/>
    public async Task<OutgoingMessage> PrepareAsync<T>(T message, JsonTypeInfo<T> typeInfo, IReadOnlyDictionary<string, OutgoingAttributeValue>? attributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        attributes ??= s_none;
        CheckReservedNames(attributes);
        using PooledByteBuffer buffer = PooledJsonSerializer.Serialize(message, typeInfo);

        long attributeBytes = MeasureAttributes(attributes);
        if (!MustOffload(buffer.Length + attributeBytes))
        {
            return new OutgoingMessage(Encoding.UTF8.GetString(buffer.WrittenSequence), attributes, s_none, null, buffer.Length, buffer.Length + attributeBytes);
        }

        return await StoreAsync(buffer.WrittenSequence, attributes, attributeBytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores <paramref name="body"/> whatever its size and returns the pointer message to send instead.</summary>
    /// <inheritdoc cref="PrepareAsync(string, IReadOnlyDictionary{string, OutgoingAttributeValue}?, CancellationToken)"/>
    public Task<OutgoingMessage> OffloadAsync(string body, IReadOnlyDictionary<string, OutgoingAttributeValue>? attributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        attributes ??= s_none;
        CheckReservedNames(attributes);
        return StoreAsync(Encoding.UTF8.GetBytes(body), attributes, MeasureAttributes(attributes), cancellationToken);
    }

    private Task<OutgoingMessage> StoreAsync(byte[] body, IReadOnlyDictionary<string, OutgoingAttributeValue> attributes, long attributeBytes, CancellationToken cancellationToken)
        => StoreAsync(new ReadOnlySequence<byte>(body), attributes, attributeBytes, cancellationToken);

    private async Task<OutgoingMessage> StoreAsync(ReadOnlySequence<byte> body, IReadOnlyDictionary<string, OutgoingAttributeValue> attributes, long attributeBytes, CancellationToken cancellationToken)
    {
        bool flagged = Options.PointerFormat == PointerFormat.ExtendedClient;

        // Both checks come before the write: a message that cannot be sent must not leave an object behind.
        if (flagged && attributes.Count + 1 > MaxMessageAttributes)
        {
            throw new TooManyMessageAttributesException(attributes.Count);
        }

        if (attributeBytes >= Options.ThresholdBytes)
        {
            throw new ArgumentException($"The message attributes alone are {attributeBytes:N0} bytes, at or over the {Options.ThresholdBytes:N0}-byte limit, so offloading the body cannot make the message fit. Move data from the attributes into the body.", nameof(attributes));
        }

        long started = _runtime.StartTiming();
        PayloadPointer pointer = await _runtime.OffloadAsync(body, s_message, cancellationToken).ConfigureAwait(false);
        _runtime.Report(PayloadDirection.Dehydrated, body.Length, pointer, started);
        string pointerBody = PayloadPointerWriter.ToJson(pointer, Options.PointerFormat);

        var added = new Dictionary<string, OutgoingAttributeValue>(2, StringComparer.Ordinal);
        if (flagged)
        {
            string sizeName = Options.UseLegacySizeAttribute ? MessageAttributeNames.LegacyExtendedPayloadSize : MessageAttributeNames.ExtendedPayloadSize;
            added.Add(sizeName, OutgoingAttributeValue.FromNumber(body.Length));

            // The extended-client pointer has no room for integrity data; the hash rides along only when the
            // attribute limit leaves room, because the size flag is what interop depends on.
            if (attributes.Count + 2 <= MaxMessageAttributes)
            {
                added.Add(MessageAttributeNames.PayloadSha256, OutgoingAttributeValue.FromString(pointer.Sha256!));
            }
        }

        var all = new Dictionary<string, OutgoingAttributeValue>(attributes.Count + added.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, OutgoingAttributeValue> attribute in attributes)
        {
            all.Add(attribute.Key, attribute.Value);
        }

        foreach (KeyValuePair<string, OutgoingAttributeValue> attribute in added)
        {
            all.Add(attribute.Key, attribute.Value);
        }

        return new OutgoingMessage(pointerBody, all, added, pointer, body.Length, MeasureBytes(pointerBody, all));
    }

    private static long MeasureAttributes(IReadOnlyDictionary<string, OutgoingAttributeValue>? attributes)
    {
        long total = 0;
        if (attributes is not null)
        {
            foreach (KeyValuePair<string, OutgoingAttributeValue> attribute in attributes)
            {
                total += attribute.Value.CountBytes(attribute.Key);
            }
        }

        return total;
    }

    private static bool IsReserved(string name)
        => name is MessageAttributeNames.ExtendedPayloadSize or MessageAttributeNames.LegacyExtendedPayloadSize or MessageAttributeNames.PayloadSha256;

    private static void CheckReservedNames(IReadOnlyDictionary<string, OutgoingAttributeValue> attributes)
    {
        foreach (string name in attributes.Keys)
        {
            // A caller-set flag on an inline body would make extended-client consumers treat the body as a pointer.
            if (IsReserved(name))
            {
                throw new ArgumentException($"The message attribute name '{name}' is reserved: PayloadGen sets it on offloaded messages.", nameof(attributes));
            }
        }
    }
}
