// The SQS event JSON that PayloadGen.Tests (messages its sender sent, delivered to its batch loop) and
// PayloadGen.Generators.Tests (events for generated queue wrappers) both build: one shape, kept here once.
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// SQS → Lambda events exactly as Lambda delivers them, in the shape of the shared fixture <c>events/sqs-standard.json</c>:
/// lower camel case, string-typed numbers in <c>attributes</c>, message attributes as <c>stringValue</c>/<c>dataType</c>
/// with their empty list fields, and the body's and message attributes' MD5 digests as SQS computes them.
/// </summary>
internal static class SqsEvents
{
    public const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:orders";

    /// <summary>An event with one record per (message id, body), without message attributes.</summary>
    public static string Json(params (string MessageId, string Body)[] records)
        => Json(records.Select(record => new SqsEventRecord(record.MessageId, record.Body)));

    /// <summary>An event with one record per <paramref name="records"/> entry.</summary>
    public static string Json(IEnumerable<SqsEventRecord> records)
    {
        var array = new JsonArray();
        foreach (SqsEventRecord record in records)
        {
            var messageAttributes = new JsonObject();
            foreach ((string name, SqsAttribute attribute) in record.Attributes)
            {
                messageAttributes[name] = new JsonObject
                {
                    ["stringValue"] = attribute.StringValue,
                    ["stringListValues"] = new JsonArray(),
                    ["binaryListValues"] = new JsonArray(),
                    ["dataType"] = attribute.DataType,
                };
            }

            var json = new JsonObject
            {
                ["messageId"] = record.MessageId,
                ["receiptHandle"] = "AQEBx1v3ExampleReceiptHandleFor" + record.MessageId + "==",
                ["body"] = record.Body,
                ["attributes"] = new JsonObject
                {
                    ["ApproximateReceiveCount"] = "1",
                    ["SentTimestamp"] = "1764230400000",
                    ["SenderId"] = "AIDAEXAMPLESENDERID",
                    ["ApproximateFirstReceiveTimestamp"] = "1764230400005",
                },
                ["messageAttributes"] = messageAttributes,
            };
            if (record.Attributes.Count != 0)
            {
                json["md5OfMessageAttributes"] = AttributesMd5(record.Attributes);
            }

            json["md5OfBody"] = Md5Hex(Encoding.UTF8.GetBytes(record.Body));
            json["eventSource"] = "aws:sqs";
            json["eventSourceARN"] = QueueArn;
            json["awsRegion"] = "us-east-1";
            array.Add(json);
        }

        return new JsonObject { ["Records"] = array }.ToJsonString();
    }

    /// <summary>
    /// SQS's digest of string-typed message attributes: by name in ordinal order, each as its name, data type and value
    /// with 4-byte big-endian lengths and the transport type 1 (string) before the value.
    /// </summary>
    private static string AttributesMd5(IReadOnlyDictionary<string, SqsAttribute> attributes)
    {
        var encoded = new List<byte>();
        foreach ((string name, SqsAttribute attribute) in attributes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            AddWithLength(encoded, Encoding.UTF8.GetBytes(name));
            AddWithLength(encoded, Encoding.UTF8.GetBytes(attribute.DataType));
            encoded.Add(1);
            AddWithLength(encoded, Encoding.UTF8.GetBytes(attribute.StringValue));
        }

        return Md5Hex([.. encoded]);
    }

    private static void AddWithLength(List<byte> encoded, byte[] value)
    {
        byte[] length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        encoded.AddRange(length);
        encoded.AddRange(value);
    }

#pragma warning disable CA5351 // SQS's own checksums are MD5; they are reproduced here, not used for security.
    private static string Md5Hex(byte[] data) => Convert.ToHexString(MD5.HashData(data)).ToLowerInvariant();
#pragma warning restore CA5351
}

/// <summary>One record of an <see cref="SqsEvents"/> event.</summary>
internal sealed record SqsEventRecord(string MessageId, string Body)
{
    /// <summary>The message attributes, by name.</summary>
    public IReadOnlyDictionary<string, SqsAttribute> Attributes { get; init; } = new Dictionary<string, SqsAttribute>();
}

/// <summary>A string-typed SQS message attribute (<c>String</c>, <c>Number</c> or a custom <c>String.x</c>/<c>Number.x</c>).</summary>
internal sealed record SqsAttribute(string DataType, string StringValue);
