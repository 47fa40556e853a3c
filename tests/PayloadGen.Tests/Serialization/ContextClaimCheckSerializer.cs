using System.Text.Json.Serialization;
using Amazon.Lambda.APIGatewayEvents;

namespace PayloadGen.Tests.Serialization;

/// <summary>
/// A source-generated context with System.Text.Json's default options (case-sensitive, escaping everything), as a user
/// writes one for Native AOT: the claim-check serializer reads and writes through it with Lambda's options regardless.
/// </summary>
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(ReportQuery))]
[JsonSerializable(typeof(DefaultSerializerShapes))]
public sealed partial class SerializerTestJsonContext : JsonSerializerContext
{
}

/// <summary>The user's one line with a context, for trimmed and Native AOT functions.</summary>
[ClaimCheckSerializer(JsonContext = typeof(SerializerTestJsonContext))]
public sealed partial class ContextClaimCheckSerializer
{
}
