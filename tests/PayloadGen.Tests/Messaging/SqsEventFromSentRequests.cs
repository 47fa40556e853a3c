using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.SQS.Model;

namespace PayloadGen.Tests.Messaging;

/// <summary>
/// Builds the SQS event JSON Lambda would deliver for messages that were sent, in the exact shape of the fixtures
/// (lower camel case, <c>stringValue</c>/<c>dataType</c> message attributes, string-typed numbers).
/// </summary>
public static class SqsEventFromSentRequests
{
    public const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:orders";

    public static MemoryStream Build(IEnumerable<(string MessageId, string Body, Dictionary<string, MessageAttributeValue>? Attributes)> messages)
    {
        var records = new JsonArray();
        foreach ((string messageId, string body, Dictionary<string, MessageAttributeValue>? attributes) in messages)
        {
            var messageAttributes = new JsonObject();
            foreach (KeyValuePair<string, MessageAttributeValue> attribute in attributes ?? [])
            {
                messageAttributes[attribute.Key] = new JsonObject
                {
                    ["stringValue"] = attribute.Value.StringValue,
                    ["stringListValues"] = new JsonArray(),
                    ["binaryListValues"] = new JsonArray(),
                    ["dataType"] = attribute.Value.DataType,
                };
            }

            records.Add(new JsonObject
            {
                ["messageId"] = messageId,
                ["receiptHandle"] = "AQEB" + messageId,
                ["body"] = body,
                ["attributes"] = new JsonObject
                {
                    ["ApproximateReceiveCount"] = "1",
                    ["SentTimestamp"] = "1764230400000",
                    ["SenderId"] = "AIDAEXAMPLESENDERID",
                    ["ApproximateFirstReceiveTimestamp"] = "1764230400005",
                },
                ["messageAttributes"] = messageAttributes,
#pragma warning disable CA5351 // SQS's own body checksum is MD5; it is reproduced here, not used for security.
                ["md5OfBody"] = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(body))).ToLowerInvariant(),
#pragma warning restore CA5351
                ["eventSource"] = "aws:sqs",
                ["eventSourceARN"] = QueueArn,
                ["awsRegion"] = "us-east-1",
            });
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = records }.ToJsonString()));
    }

    public static MemoryStream Build(IEnumerable<SendMessageBatchRequestEntry> entries)
        => Build(entries.Select(entry => ($"msg-{entry.Id}", entry.MessageBody, (Dictionary<string, MessageAttributeValue>?)entry.MessageAttributes)));
}
