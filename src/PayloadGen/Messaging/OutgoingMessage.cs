using System.Collections.Generic;

namespace PayloadGen;

/// <summary>
/// A message ready to send through any transport: the body and attributes to put on the wire, and whether the
/// original body was offloaded.
/// </summary>
public sealed class OutgoingMessage
{
    internal OutgoingMessage(
        string body,
        IReadOnlyDictionary<string, OutgoingAttributeValue> attributes,
        IReadOnlyDictionary<string, OutgoingAttributeValue> addedAttributes,
        PayloadPointer? pointer,
        long originalBodyBytes,
        long sizeBytes)
    {
        Body = body;
        Attributes = attributes;
        AddedAttributes = addedAttributes;
        Pointer = pointer;
        OriginalBodyBytes = originalBodyBytes;
        SizeBytes = sizeBytes;
    }

    /// <summary>The body to send: the original body, or a pointer to where it was stored.</summary>
    public string Body { get; }

    /// <summary>Every attribute to send: the caller's and those PayloadGen added.</summary>
    public IReadOnlyDictionary<string, OutgoingAttributeValue> Attributes { get; }

    /// <summary>The attributes PayloadGen added (empty when the message travels inline).</summary>
    public IReadOnlyDictionary<string, OutgoingAttributeValue> AddedAttributes { get; }

    /// <summary>Where the original body was stored, or <see langword="null"/> when it travels inline.</summary>
    public PayloadPointer? Pointer { get; }

    /// <summary>Whether the original body was stored and <see cref="Body"/> is a pointer to it.</summary>
    public bool IsOffloaded => Pointer is not null;

    /// <summary>The original body's length in UTF-8 bytes.</summary>
    public long OriginalBodyBytes { get; }

    /// <summary>The size of the message as sent, body plus attributes, as SQS and SNS count it.</summary>
    public long SizeBytes { get; }
}
