using System.Text.Json.Nodes;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// SNS events exactly as Lambda delivers them (the shape of the shared fixture <c>events/sns.json</c>), with the given
/// records, for calling generated queue wrappers. SQS events come from <c>tests/Shared/SqsEvents.cs</c>, which the
/// runtime's tests use too.
/// </summary>
internal static class QueueEvents
{
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:orders-topic";

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
