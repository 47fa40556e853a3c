using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayloadGen;

/// <summary>
/// Reads a <see cref="DateTime"/> as Lambda's serializer does: an ISO 8601 string, or a number of seconds since the
/// Unix epoch (the Kinesis and DynamoDB stream events carry their timestamps that way). Writes the ISO string.
/// </summary>
internal sealed class LambdaDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out DateTime date))
        {
            return date;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out long seconds)
                ? DateTime.UnixEpoch.AddSeconds(seconds)
                : DateTime.UnixEpoch.AddSeconds(reader.GetDouble());
        }

        throw new JsonException($"A date must be an ISO 8601 string or a number of seconds since the Unix epoch, not a {reader.TokenType} token.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
