using System.IO;
using System.Text.Json;

namespace PayloadGen.ColdStart;

/// <summary>The same function twice: a plain System.Text.Json Stream handler, and a [ClaimCheck] method with its generated wrapper.</summary>
public static partial class Functions
{
    /// <summary>Set by the "eager S3 client" variant: the runtime as PayloadGen built it before clients were lazy.</summary>
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    [ClaimCheck(JsonContext = typeof(ColdStartJson))]
    public static Receipt Handle(Order order) => new() { Id = order.Id, LineCount = order.Lines.Count };

    /// <summary>What a Lambda Stream handler without PayloadGen does: deserialize, call, serialize.</summary>
    public static Stream PlainHandle(Stream input)
    {
        Order order = JsonSerializer.Deserialize(input, ColdStartJson.Default.Order)!;
        var output = new MemoryStream();
        JsonSerializer.Serialize(output, Handle(order), ColdStartJson.Default.Receipt);
        output.Position = 0;
        return output;
    }
}
