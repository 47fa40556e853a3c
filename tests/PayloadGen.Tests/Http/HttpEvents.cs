using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using PayloadGen.Tests.Infrastructure;

namespace PayloadGen.Tests.Http;

/// <summary>The HTTP events Lambda delivers (shared/fixtures/events), with a chosen query string and body.</summary>
public static class HttpEvents
{
    public const string Rest = "apigw-rest-v1.json";
    public const string HttpApi = "apigw-http-v2.json";
    public const string Alb = "alb.json";

    /// <summary>The fixture <paramref name="name"/> with <paramref name="query"/> as its query string and <paramref name="body"/> as its body.</summary>
    public static MemoryStream Event(string name, IReadOnlyDictionary<string, string> query, string? body = null, bool isBase64Encoded = false)
    {
        JsonObject json = EventFixtures.Json(name);
        var parameters = new JsonObject();
        foreach (KeyValuePair<string, string> parameter in query)
        {
            parameters[parameter.Key] = parameter.Value;
        }

        json["queryStringParameters"] = parameters;
        json["body"] = body;
        json["isBase64Encoded"] = isBase64Encoded;
        return EventFixtures.Stream(json);
    }

    /// <summary>The fixture with <c>?bytes=…&amp;status=…</c>.</summary>
    public static MemoryStream Asking(string name, int bytes, int status = 200)
        => Event(name, new Dictionary<string, string> { ["bytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
