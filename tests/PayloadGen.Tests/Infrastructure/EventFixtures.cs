using System;
using System.IO;
using System.Text.Json.Nodes;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>The event JSON Lambda delivers (tests/PayloadGen.Tests/Fixtures/events, copied from shared/fixtures/events).</summary>
public static class EventFixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "PayloadGen.Tests", "Fixtures", "events", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    public static MemoryStream Stream(JsonNode node) => new(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()));

    /// <summary>The <c>ExtendedPayloadSize</c> that <c>sqs-standard.json</c>'s extended-client record announces.</summary>
    public const long SqsStandardAnnouncedSize = 2_411_520;

    /// <summary>The <c>ExtendedPayloadSize</c> that <c>sns.json</c>'s record announces.</summary>
    public const long SnsAnnouncedSize = 524_288;

    /// <summary>The <c>ExtendedPayloadSize</c> inside <c>sqs-from-sns-envelope.json</c>'s notification.</summary>
    public const long EnvelopeAnnouncedSize = 1_572_864;

    /// <summary>
    /// <paramref name="json"/> followed by JSON whitespace up to <paramref name="announcedSize"/> bytes: the object a
    /// real extended-client sender would have stored for a fixture record, whose announced size the consumer holds
    /// the object's length to.
    /// </summary>
    public static byte[] StoredAs(byte[] json, long announcedSize)
    {
        byte[] stored = new byte[announcedSize];
        json.CopyTo(stored, 0);
        stored.AsSpan(json.Length).Fill((byte)' ');
        return stored;
    }
}
