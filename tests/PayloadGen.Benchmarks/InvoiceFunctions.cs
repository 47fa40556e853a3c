using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace PayloadGen.Benchmarks;

/// <summary>
/// One Lambda function written twice: with <c>[ClaimCheck]</c>, so the generator writes its stream handler
/// (<c>RepriceClaimCheck</c>), and by hand, the way a stream handler with plain System.Text.Json is written. The method
/// itself does nothing, so everything measured is the handler's own cost.
/// </summary>
public static partial class InvoiceFunctions
{
    /// <summary>The runtime the generated handler uses (the same one the other benchmarks call).</summary>
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    [ClaimCheck(JsonContext = typeof(BenchmarkJsonContext))]
    public static Invoice Reprice(Invoice invoice) => invoice;

    /// <summary>The same function as a hand-written stream handler: deserialize, call, serialize into a new MemoryStream.</summary>
    public static async Task<Stream> RepriceByHand(Stream input, ILambdaContext context)
    {
        Invoice invoice = (await JsonSerializer.DeserializeAsync(input, BenchmarkJsonContext.Default.Invoice).ConfigureAwait(false))!;
        Invoice response = Reprice(invoice);
        var output = new MemoryStream();
        JsonSerializer.Serialize(output, response, BenchmarkJsonContext.Default.Invoice);
        output.Position = 0;
        return output;
    }
}
