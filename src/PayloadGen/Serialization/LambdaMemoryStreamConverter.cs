using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayloadGen;

/// <summary>
/// Reads and writes a <see cref="MemoryStream"/> as a base64 string, as Lambda's serializer does for the data of
/// Kinesis and Firehose records.
/// </summary>
internal sealed class LambdaMemoryStreamConverter : JsonConverter<MemoryStream>
{
    public override MemoryStream Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new(reader.GetBytesFromBase64());

    public override void Write(Utf8JsonWriter writer, MemoryStream value, JsonSerializerOptions options)
        => writer.WriteBase64StringValue(value.TryGetBuffer(out ArraySegment<byte> written) ? written : value.ToArray());
}
