using System;
using System.Collections.Generic;
using Amazon.SQS.Model;

namespace PayloadGen;

/// <summary>Converts between the SQS SDK's message attributes and <see cref="OutgoingAttributeValue"/>.</summary>
internal static class SqsSendAttributes
{
    public static IReadOnlyDictionary<string, OutgoingAttributeValue> ToOutgoing(Dictionary<string, MessageAttributeValue>? attributes)
    {
        var outgoing = new Dictionary<string, OutgoingAttributeValue>(attributes?.Count ?? 0, StringComparer.Ordinal);
        if (attributes is not null)
        {
            foreach (KeyValuePair<string, MessageAttributeValue> attribute in attributes)
            {
                outgoing.Add(attribute.Key, OutgoingAttributeValue.Create(attribute.Value.DataType, attribute.Value.StringValue, Bytes(attribute.Value.BinaryValue)));
            }
        }

        return outgoing;
    }

    /// <summary>
    /// A copy of the caller's attributes plus the added ones; the caller's values are kept as they were, so nothing
    /// the conversion does not model (list values) is lost.
    /// </summary>
    public static Dictionary<string, MessageAttributeValue>? WithAdded(Dictionary<string, MessageAttributeValue>? original, IReadOnlyDictionary<string, OutgoingAttributeValue> added)
    {
        if (added.Count == 0)
        {
            return original;
        }

        var all = original is null
            ? new Dictionary<string, MessageAttributeValue>(added.Count, StringComparer.Ordinal)
            : new Dictionary<string, MessageAttributeValue>(original, StringComparer.Ordinal);
        foreach (KeyValuePair<string, OutgoingAttributeValue> attribute in added)
        {
            all.Add(attribute.Key, new MessageAttributeValue { DataType = attribute.Value.DataType, StringValue = attribute.Value.StringValue });
        }

        return all;
    }

    private static ReadOnlyMemory<byte>? Bytes(System.IO.MemoryStream? stream)
    {
        if (stream is null)
        {
            return null;
        }

        // The SDK sends the whole stream whatever its position, so that is what counts towards the size.
        return stream.TryGetBuffer(out ArraySegment<byte> segment) ? segment.AsMemory() : stream.ToArray();
    }
}
