using System.Text.Json.Nodes;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// SQS and SNS events exactly as Lambda delivers them (the shapes of the shared fixtures <c>events/sqs-standard.json</c>
/// and <c>events/sns.json</c>), with the given records, for calling generated queue wrappers.
/// </summary>
internal static class QueueEvents
{
    public const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:orders";
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:orders-topic";

    /// <summary>An SQS event with one record per body, each shaped like the first record of <c>sqs-standard.json</c>.</summary>
    public static string Sqs(params (string MessageId, string Body)[] records)
    {
        var array = new JsonArray();
        foreach ((string messageId, string body) in records)
        {
            array.Add(new JsonObject
            {
                ["messageId"] = messageId,
                ["receiptHandle"] = "AQEBx1v3ExampleReceiptHandleFor" + messageId + "==",
                ["body"] = body,
                ["attributes"] = new JsonObject
                {
                    ["ApproximateReceiveCount"] = "1",
                    ["SentTimestamp"] = "1764230400000",
                    ["SenderId"] = "AIDAEXAMPLESENDERID",
                    ["ApproximateFirstReceiveTimestamp"] = "1764230400005",
                },
                ["messageAttributes"] = new JsonObject(),
                ["md5OfBody"] = "0f5f1e7a4e8a0b6d1c3a2e9d7b6c5a41",
                ["eventSource"] = "aws:sqs",
                ["eventSourceARN"] = QueueArn,
                ["awsRegion"] = "us-east-1",
            });
        }

        return new JsonObject { ["Records"] = array }.ToJsonString();
    }

    /// <summary>An SNS event with one record per message, each shaped like the record of <c>sns.json</c>.</summary>
    public static string Sns(params (string MessageId, string Message)[] records)
    {
        var array = new JsonArray();
        foreach ((string messageId, string message) in records)
        {
            array.Add(new JsonObject
            {
                ["EventSource"] = "aws:sns",
                ["EventVersion"] = "1.0",
                ["EventSubscriptionArn"] = TopicArn + ":2bcfbf39-05c3-41de-beaa-fcfcc21c8f55",
                ["Sns"] = new JsonObject
                {
                    ["Type"] = "Notification",
                    ["MessageId"] = messageId,
                    ["TopicArn"] = TopicArn,
                    ["Subject"] = null,
                    ["Message"] = message,
                    ["Timestamp"] = "2026-11-27T09:00:00.000Z",
                    ["SignatureVersion"] = "1",
                    ["Signature"] = "EXAMPLEsignatureBase64==",
                    ["SigningCertUrl"] = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-example.pem",
                    ["UnsubscribeUrl"] = "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + TopicArn,
                    ["MessageAttributes"] = new JsonObject(),
                },
            });
        }

        return new JsonObject { ["Records"] = array }.ToJsonString();
    }
}
