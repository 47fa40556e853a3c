namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Metadata names of the types the parser recognises. Types of optional packages (Amazon.Lambda.Core) are found by
/// name in the user's compilation; the generator references none of them.
/// </summary>
internal static class KnownTypeNames
{
    public const string ClaimCheckAttribute = "PayloadGen.ClaimCheckAttribute";
    public const string ClaimCheckSerializerAttribute = "PayloadGen.ClaimCheckSerializerAttribute";
    public const string LambdaSerializer = "Amazon.Lambda.Core.ILambdaSerializer";
    public const string LambdaSerializerAttribute = "Amazon.Lambda.Core.LambdaSerializerAttribute";
    public const string ClaimCheckRuntime = "PayloadGen.ClaimCheckRuntime";
    public const string QueueMessageContext = "PayloadGen.QueueMessageContext";
    public const string LambdaContext = "Amazon.Lambda.Core.ILambdaContext";
    public const string ApiGatewayProxyResponse = "Amazon.Lambda.APIGatewayEvents.APIGatewayProxyResponse";
    public const string HttpApiV2ProxyResponse = "Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyResponse";
    public const string AlbResponse = "Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerResponse";
    public const string ApiGatewayProxyRequest = "Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest";
    public const string HttpApiV2ProxyRequest = "Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest";
    public const string AlbRequest = "Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Stream = "System.IO.Stream";
    public const string SystemType = "System.Type";
    public const string MemberInfo = "System.Reflection.MemberInfo";
    public const string SerializationInfo = "System.Runtime.Serialization.SerializationInfo";

    /// <summary>Amazon.Lambda.SQSEvents and Amazon.Lambda.SNSEvents: the event envelopes a queue handler's batch loop reads.</summary>
    public const string SqsEventsNamespace = "Amazon.Lambda.SQSEvents";
    public const string SnsEventsNamespace = "Amazon.Lambda.SNSEvents";
    public const string ConditionalAttribute = "System.Diagnostics.ConditionalAttribute";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string AsyncEnumerableOfT = "System.Collections.Generic.IAsyncEnumerable`1";
    public const string JsonSerializerOptions = "System.Text.Json.JsonSerializerOptions";
    public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
    public const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string JsonIncludeAttribute = "System.Text.Json.Serialization.JsonIncludeAttribute";
    public const string JsonExtensionDataAttribute = "System.Text.Json.Serialization.JsonExtensionDataAttribute";
    public const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";
    public const string JsonPolymorphicAttribute = "System.Text.Json.Serialization.JsonPolymorphicAttribute";
    public const string JsonDerivedTypeAttribute = "System.Text.Json.Serialization.JsonDerivedTypeAttribute";
    /// <summary>JsonElement, JsonDocument, JsonNode and friends: types that hold any JSON at all.</summary>
    public const string JsonNamespace = "System.Text.Json";

    /// <summary>Names of the members a containing type may declare to configure its wrappers.</summary>
    public const string RuntimeMember = "ClaimCheckRuntime";
    public const string JsonOptionsMember = "ClaimCheckJsonOptions";
}
