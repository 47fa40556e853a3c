using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayloadGen;

/// <summary>
/// One payload to hydrate and what is known about it besides its bytes: whether the bare
/// <c>{"bucket":…,"key":…}</c> shape may be read as a pointer, and — for a queue or topic message — the size and
/// SHA-256 its attributes announce, which complete an extended-client pointer that has no room for them. Every path
/// (direct invocation, queue record, topic record) builds one and calls the same hydration core.
/// </summary>
/// <param name="Body">The raw payload: inline JSON or a pointer.</param>
/// <param name="AllowBarePointer">Whether the bare shape is a pointer; only when the target type cannot have that shape.</param>
internal readonly record struct HydrationRequest(ReadOnlyMemory<byte> Body, bool AllowBarePointer)
{
    /// <summary>The original size a message's attributes announce, which flags the body as offloaded.</summary>
    public long? AnnouncedSize { get; init; }

    /// <summary>The SHA-256 a message's attributes carry beside an extended-client pointer.</summary>
    public string? AnnouncedSha256 { get; init; }

    /// <summary>A message body with its attributes (<see cref="MessageAttributeNames"/>).</summary>
    /// <exception cref="MalformedPointerException">The size attribute is not a whole number of bytes.</exception>
    public static HydrationRequest ForMessage(ReadOnlyMemory<byte> body, bool allowBarePointer, IReadOnlyDictionary<string, string> attributes)
    {
        attributes.TryGetValue(MessageAttributeNames.PayloadSha256, out string? sha256);
        return new HydrationRequest(body, allowBarePointer) { AnnouncedSize = AnnouncedSizeOf(attributes), AnnouncedSha256 = sha256 };
    }

    /// <summary>
    /// <paramref name="pointer"/>, an extended-client or bare pointer (which have no room for size or hash), completed with what
    /// the message's attributes announce. The size becomes the length the object must have: the Java and Python
    /// extended clients announce the UTF-8 length of the very body they store, so a different length is a lie or a
    /// swapped object, refused from the store's headers before download (and over the cap by the policy, before any
    /// call). The hash, PayloadGen's own attribute, is taken whether or not a size came with it: a hash that was sent
    /// is never silently left unchecked, and one that is not 64 hexadecimal digits is malformed, not ignored.
    /// </summary>
    /// <exception cref="MalformedPointerException">The SHA-256 attribute is not 64 hexadecimal digits.</exception>
    public PayloadPointer Complete(PayloadPointer pointer)
    {
        if (AnnouncedSize is long size)
        {
            pointer = pointer with { Size = size };
        }

        if (AnnouncedSha256 is string sha256)
        {
            pointer = Sha256Hex.IsValid(sha256)
                ? pointer with { Sha256 = sha256.ToLowerInvariant() }
                : throw new MalformedPointerException($"The {MessageAttributeNames.PayloadSha256} attribute beside an extended-client or bare pointer must be 64 hexadecimal digits.");
        }

        return pointer;
    }

    private static long? AnnouncedSizeOf(IReadOnlyDictionary<string, string> attributes)
    {
        string? value = attributes.TryGetValue(MessageAttributeNames.ExtendedPayloadSize, out string? size) ? size
            : attributes.TryGetValue(MessageAttributeNames.LegacyExtendedPayloadSize, out string? legacy) ? legacy
            : null;
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes)
            ? bytes
            : throw new MalformedPointerException($"The {MessageAttributeNames.ExtendedPayloadSize} attribute must be a whole number of bytes.");
    }
}
