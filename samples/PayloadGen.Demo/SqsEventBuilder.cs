using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using PayloadGen;

namespace PayloadGen.Demo;

/// <summary>Builds the SQS event JSON Lambda would deliver for messages the demo "sent".</summary>
internal sealed class SqsEventBuilder
{
    private readonly JsonArray _records = new();

    public SqsEventBuilder Add(string messageId, string body, IReadOnlyDictionary<string, OutgoingAttributeValue>? attributes = null)
    {
        var messageAttributes = new JsonObject();
        foreach (KeyValuePair<string, OutgoingAttributeValue> attribute in attributes ?? new Dictionary<string, OutgoingAttributeValue>())
        {
            messageAttributes[attribute.Key] = new JsonObject
            {
                ["stringValue"] = attribute.Value.StringValue,
                ["stringListValues"] = new JsonArray(),
                ["binaryListValues"] = new JsonArray(),
                ["dataType"] = attribute.Value.DataType,
            };
        }

        _records.Add(new JsonObject
        {
            ["messageId"] = messageId,
            ["receiptHandle"] = "demo-" + messageId,
            ["body"] = body,
            ["attributes"] = new JsonObject
            {
                ["ApproximateReceiveCount"] = "1",
                ["SentTimestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            },
            ["messageAttributes"] = messageAttributes,
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = "arn:aws:sqs:us-east-1:123456789012:orders",
            ["awsRegion"] = "us-east-1",
        });
        return this;
    }

    public MemoryStream ToStream() => new(Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = _records }.ToJsonString()));
}
