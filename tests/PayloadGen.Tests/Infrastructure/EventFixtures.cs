using System.IO;
using System.Text.Json.Nodes;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>The event JSON Lambda delivers (tests/PayloadGen.Tests/Fixtures/events, copied from shared/fixtures/events).</summary>
public static class EventFixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "PayloadGen.Tests", "Fixtures", "events", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    public static MemoryStream Stream(JsonNode node) => new(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()));
}
