using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen;
using PayloadGen.AotTests;

// Runs as a native binary: a small request stays inline, a large response goes through the file store, an SQS batch
// is processed, and the claim-check serializer tells an HTTP invocation's inner calls apart — all with source-generated
// JSON metadata, no reflection.
string folder = Path.Combine(Path.GetTempPath(), "payloadgen-aot-" + Guid.NewGuid().ToString("N"));
AotFunctions.ClaimCheckRuntime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(folder));
try
{
    await using Stream small = await AotFunctions.ExpandClaimCheck(new MemoryStream(Encoding.UTF8.GetBytes("""{"Word":"hi","Times":3}""")));
    string inline = await new StreamReader(small).ReadToEndAsync();

    await using Stream large = await AotFunctions.ExpandClaimCheck(new MemoryStream(Encoding.UTF8.GetBytes("""{"Word":"large","Times":2000000}""")));
    Expansion? read = await new ClaimCheckClient(AotFunctions.ClaimCheckRuntime).ReadResponseAsync(large, AotJsonContext.Default.Expansion);

    string batch = """{"Records":[{"messageId":"m1","body":"{\"Word\":\"a\",\"Times\":1}","attributes":{},"messageAttributes":{}},{"messageId":"m2","body":"{\"Word\":\"\",\"Times\":1}","attributes":{},"messageAttributes":{}}]}""";
    await using Stream failures = await AotFunctions.CountClaimCheck(new MemoryStream(Encoding.UTF8.GetBytes(batch)));
    string batchResponse = await new StreamReader(failures).ReadToEndAsync();

    // The generated claim-check serializer (executable and Annotations handlers) with the same context.
    var serializer = new AotSerializer(AotFunctions.ClaimCheckRuntime);
    ExpandRequest request = serializer.Deserialize<ExpandRequest>(new MemoryStream(Encoding.UTF8.GetBytes("""{"Word":"big","Times":3000000}""")));
    using var pointer = new MemoryStream();
    serializer.Serialize(AotFunctions.Expand(request), pointer);
    pointer.Position = 0;
    Expansion hydrated = serializer.Deserialize<Expansion>(pointer);

    // An Annotations-shaped HTTP invocation: the runtime's instance reads the proxy request, Annotations' own instance
    // reads the [FromBody] and writes the method's result into Body. The mark is keyed to the request's Body, read
    // through the context's metadata: in a native binary too, the inner write stays inline JSON (never a pointer).
    string body = """{"Word":"http","Times":2000000}""";
    Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest proxyRequest = serializer.Deserialize<Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest>(
        new MemoryStream(Encoding.UTF8.GetBytes("""{"rawPath":"/expand","body":""" + System.Text.Json.JsonSerializer.Serialize(body, AotJsonContext.Default.String) + "}")));
    var annotations = new AotSerializer(AotFunctions.ClaimCheckRuntime);
    ExpandRequest fromBody = annotations.Deserialize<ExpandRequest>(new MemoryStream(Encoding.UTF8.GetBytes(proxyRequest.Body)));
    using var httpBody = new MemoryStream();
    annotations.Serialize(AotFunctions.Expand(fromBody), httpBody);

    bool ok = inline == """{"Text":"hihihi","Length":6}"""
        && read is { Length: 10_000_000 }
        && pointer.Length < 4_096 && hydrated.Length == 9_000_000
        && httpBody.Length > 8_000_000 && httpBody.GetBuffer()[0] == (byte)'{' && httpBody.GetBuffer()[2] == (byte)'T'
        && batchResponse == """{"batchItemFailures":[{"itemIdentifier":"m2"}]}""";
    Console.WriteLine(ok
        ? $"native AOT test passed: inline {inline.Length} bytes, offloaded {read!.Length:N0} characters, batch {batchResponse}"
        : $"native AOT test FAILED: inline={inline} offloaded={read?.Length} batch={batchResponse}");
    return ok ? 0 : 1;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

namespace PayloadGen.AotTests
{
    public sealed class ExpandRequest
    {
        public string Word { get; set; } = string.Empty;

        public int Times { get; set; }
    }

    public sealed class Expansion
    {
        public string Text { get; set; } = string.Empty;

        public int Length { get; set; }
    }

    [JsonSerializable(typeof(ExpandRequest))]
    [JsonSerializable(typeof(Expansion))]
    [JsonSerializable(typeof(string))]
    [JsonSerializable(typeof(Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest))]
    public sealed partial class AotJsonContext : JsonSerializerContext
    {
    }

    [ClaimCheckSerializer(JsonContext = typeof(AotJsonContext))]
    public sealed partial class AotSerializer
    {
    }

    public static partial class AotFunctions
    {
        public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

        public static List<string> Counted { get; } = new();

        [ClaimCheck(JsonContext = typeof(AotJsonContext))]
        public static Expansion Expand(ExpandRequest request)
        {
            string text = string.Concat(Enumerable.Repeat(request.Word, request.Times));
            return new Expansion { Text = text, Length = text.Length };
        }

        [ClaimCheck(Source = PayloadSource.Sqs, JsonContext = typeof(AotJsonContext))]
        public static Task Count(ExpandRequest request, CancellationToken cancellationToken)
        {
            if (request.Word.Length == 0)
            {
                throw new ArgumentException("Nothing to count.", nameof(request));
            }

            Counted.Add(request.Word);
            return Task.CompletedTask;
        }
    }
}
