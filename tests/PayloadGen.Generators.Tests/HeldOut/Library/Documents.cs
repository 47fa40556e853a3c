// Handlers that pass JSON through: document types, strings, bytes, dictionaries, arrays, polymorphic types, a
// source-generated JsonSerializerContext and options with a string-enum converter.
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Documents;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Circle), "circle")]
[JsonDerivedType(typeof(Square), "square")]
public abstract record Shape;

public sealed record Circle(double Radius) : Shape;

public sealed record Square(double Side) : Shape;

public sealed record Measured(Shape Shape, double Area);

public enum Priority { Low, Normal, Urgent }

public sealed class Ticket
{
    public string Title { get; set; } = "";
    public Priority Priority { get; set; }
}

[JsonSerializable(typeof(Ticket))]
[JsonSerializable(typeof(Ticket[]))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class TicketJsonContext : JsonSerializerContext
{
}

public static partial class JsonFunctions
{
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    // expect: wrap -- JsonElement in and out
    [ClaimCheck]
    public static JsonElement Select(JsonElement document)
        => document.TryGetProperty("data", out JsonElement data) ? data : document;

    // expect: wrap -- JsonDocument request (disposable), int response
    [ClaimCheck]
    public static int CountProperties(JsonDocument document)
    {
        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.EnumerateObject().Count() : 0;
        }
    }

    // expect: wrap -- JsonObject request, nullable JsonNode response
    [ClaimCheck]
    public static JsonNode? Stamp(JsonObject document)
    {
        document["stamped"] = true;
        return document;
    }

    // expect: wrap -- string in and out
    [ClaimCheck]
    public static string Shout(string text) => text.ToUpperInvariant();

    // expect: wrap -- byte[] (base64 in JSON) in and out
    [ClaimCheck]
    public static byte[] Reverse(byte[] data) => data.Reverse().ToArray();

    // expect: wrap -- Dictionary<string, T> in and out
    [ClaimCheck]
    public static Dictionary<string, decimal> Totals(Dictionary<string, List<decimal>> lines)
        => lines.ToDictionary(pair => pair.Key, pair => pair.Value.Sum());

    // expect: wrap -- arrays in and out
    [ClaimCheck]
    public static int[] Sort(int[] values) => values.OrderBy(value => value).ToArray();

    // expect: wrap -- [JsonPolymorphic] base type as request, a record holding it as response
    [ClaimCheck]
    public static Measured Measure(Shape shape) => new(shape, shape switch
    {
        Circle circle => Math.PI * circle.Radius * circle.Radius,
        Square square => square.Side * square.Side,
        _ => 0,
    });

    // expect: wrap -- object response
    [ClaimCheck]
    public static object Describe(string key) => new { key, length = key.Length };

    // expect: wrap -- nullable value types in and out (Guid?), no null check needed
    [ClaimCheck]
    public static Guid? Parse(string? text) => Guid.TryParse(text, out Guid id) ? id : null;

    // expect: wrap -- DateOnly in and out
    [ClaimCheck]
    public static DateOnly NextBusinessDay(DateOnly day)
        => day.DayOfWeek switch { DayOfWeek.Friday => day.AddDays(3), DayOfWeek.Saturday => day.AddDays(2), _ => day.AddDays(1) };

    // expect: wrap -- source-generated JsonSerializerContext declared on the attribute
    [ClaimCheck(JsonContext = typeof(TicketJsonContext))]
    public static Ticket[] Triage(Ticket ticket)
        => new[] { ticket, new Ticket { Title = ticket.Title + " (follow-up)", Priority = Priority.Low } };

    // expect: PG0002 -- a Stream is not a JSON-serializable payload (README: "any JSON-serializable type"); the
    // wrapper must not compile and then fail at the first invocation
    [ClaimCheck]
    public static Stream Passthrough(Stream input, ILambdaContext context) => input;
}

public partial class EnumOptionsFunctions
{
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    public static JsonSerializerOptions ClaimCheckJsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    // expect: wrap -- the class's ClaimCheckJsonOptions (web defaults, string enums)
    [ClaimCheck]
    public Ticket Escalate(Ticket ticket) => new() { Title = ticket.Title, Priority = Priority.Urgent };
}
