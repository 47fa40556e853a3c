using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text.Json;

namespace PayloadGen;

/// <summary>
/// Reads a serialized proxy response by its JSON contract — the names Amazon.Lambda.APIGatewayEvents and
/// Amazon.Lambda.ApplicationLoadBalancerEvents declare with <c>[JsonPropertyName]</c> — so the runtime never needs
/// those packages. Only responses over the limit are read, so this runs rarely; the body is unescaped (and
/// base64-decoded) straight into one pooled array, never through a <see cref="string"/>.
/// </summary>
internal static class HttpProxyResponseReader
{
    /// <exception cref="HttpResponseShapeException">The JSON is not a proxy response.</exception>
    public static HttpProxyResponse Read(ReadOnlySequence<byte> json)
    {
        var response = new HttpProxyResponse();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new HttpResponseShapeException("The response is over the limit of its HTTP source but is not a JSON object, so it is not a proxy response.");
            }

            bool hasStatus = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("statusCode"u8))
                {
                    reader.Read();
                    response.StatusCode = reader.GetInt32();
                    hasStatus = true;
                }
                else if (reader.ValueTextEquals("statusDescription"u8))
                {
                    reader.Read();
                    response.StatusDescription = reader.GetString();
                }
                else if (reader.ValueTextEquals("headers"u8))
                {
                    reader.Read();
                    response.Headers = ReadHeaders(ref reader);
                }
                else if (reader.ValueTextEquals("multiValueHeaders"u8))
                {
                    reader.Read();
                    response.MultiValueHeaders = ReadMultiValueHeaders(ref reader);
                }
                else if (reader.ValueTextEquals("cookies"u8))
                {
                    reader.Read();
                    response.Cookies = ReadStrings(ref reader);
                }
                else if (reader.ValueTextEquals("body"u8))
                {
                    reader.Read();
                    ReadBody(ref reader, response);
                }
                else if (reader.ValueTextEquals("isBase64Encoded"u8))
                {
                    reader.Read();
                    response.IsBase64Encoded = reader.GetBoolean();
                }
                else
                {
                    reader.Skip();
                }
            }

            if (!hasStatus)
            {
                throw new HttpResponseShapeException("The response is over the limit of its HTTP source but has no \"statusCode\", so it is not a proxy response.");
            }

            if (response.IsBase64Encoded && response.HasBody)
            {
                DecodeBase64(response);
            }

            return response;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            response.Dispose();
            throw new HttpResponseShapeException($"The response is over the limit of its HTTP source but is not a proxy response: {ex.Message}", ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static List<KeyValuePair<string, string?>>? ReadHeaders(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var headers = new List<KeyValuePair<string, string?>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            headers.Add(new KeyValuePair<string, string?>(name, reader.GetString()));
        }

        return headers;
    }

    private static List<KeyValuePair<string, List<string?>?>>? ReadMultiValueHeaders(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var headers = new List<KeyValuePair<string, List<string?>?>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            headers.Add(new KeyValuePair<string, List<string?>?>(name, ReadStrings(ref reader)));
        }

        return headers;
    }

    private static List<string?>? ReadStrings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var values = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetString());
        }

        return values;
    }

    private static void ReadBody(ref Utf8JsonReader reader, HttpProxyResponse response)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        Expect(ref reader, JsonTokenType.String);
        // Unescaping never lengthens a string, so the raw length is enough room.
        long rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > Array.MaxLength)
        {
            throw new HttpResponseShapeException($"The response body of {rawLength:N0} bytes is larger than one array can hold.");
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent((int)Math.Max(rawLength, 1));
        try
        {
            int length = reader.CopyString(rented);
            response.SetBody(rented, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(rented);
            throw;
        }
    }

    private static void DecodeBase64(HttpProxyResponse response)
    {
        // Decoded bytes are fewer than their base64 text, so they fit where the text was.
        OperationStatus status = Base64.DecodeFromUtf8InPlace(response.WritableBody, out int written);
        if (status != OperationStatus.Done)
        {
            throw new HttpResponseShapeException("The response sets \"isBase64Encoded\" but its \"body\" is not valid base64.");
        }

        response.SetBodyLength(written);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new HttpResponseShapeException($"A proxy response field holds {reader.TokenType} where {type} was expected.");
        }
    }
}
