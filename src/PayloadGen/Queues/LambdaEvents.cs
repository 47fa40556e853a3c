using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayloadGen;

// The event shapes Lambda delivers, as far as the claim check needs them. Declared here rather than taken from
// Amazon.Lambda.SQSEvents/SNSEvents so the runtime has no dependency on those packages, and source-generated
// (LambdaEventJsonContext) so batch handlers work under Native AOT.

internal sealed class SqsEvent
{
    [JsonPropertyName("Records")]
    public List<SqsRecord>? Records { get; set; }
}

internal sealed class SqsRecord
{
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("attributes")]
    public Dictionary<string, string>? Attributes { get; set; }

    [JsonPropertyName("messageAttributes")]
    public Dictionary<string, SqsMessageAttribute>? MessageAttributes { get; set; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }
}

internal sealed class SqsMessageAttribute
{
    [JsonPropertyName("stringValue")]
    public string? StringValue { get; set; }

    [JsonPropertyName("dataType")]
    public string? DataType { get; set; }
}

internal sealed class SnsEvent
{
    [JsonPropertyName("Records")]
    public List<SnsRecord>? Records { get; set; }
}

internal sealed class SnsRecord
{
    [JsonPropertyName("EventSubscriptionArn")]
    public string? EventSubscriptionArn { get; set; }

    [JsonPropertyName("Sns")]
    public SnsNotification? Sns { get; set; }
}

/// <summary>An SNS notification: the <c>Sns</c> object of an SNS event, or the body of an SQS message delivered without raw message delivery.</summary>
internal sealed class SnsNotification
{
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    [JsonPropertyName("MessageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("TopicArn")]
    public string? TopicArn { get; set; }

    [JsonPropertyName("Message")]
    public string? Message { get; set; }

    [JsonPropertyName("MessageAttributes")]
    public Dictionary<string, SnsMessageAttribute>? MessageAttributes { get; set; }
}

internal sealed class SnsMessageAttribute
{
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    [JsonPropertyName("Value")]
    public string? Value { get; set; }
}

/// <summary>
/// An SQS or SNS event with its records left as JSON: read only when the typed event fails to deserialize, so each
/// record can be read (and fail) on its own.
/// </summary>
internal sealed class LambdaEventRecords
{
    [JsonPropertyName("Records")]
    public List<JsonElement>? Records { get; set; }
}

[JsonSerializable(typeof(LambdaEventRecords))]
[JsonSerializable(typeof(SqsRecord))]
[JsonSerializable(typeof(SnsRecord))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SnsEvent))]
[JsonSerializable(typeof(SnsNotification))]
internal sealed partial class LambdaEventJsonContext : JsonSerializerContext
{
}
