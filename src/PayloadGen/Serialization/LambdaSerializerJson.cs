using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PayloadGen;

/// <summary>
/// The options of Amazon.Lambda.Serialization.SystemTextJson's <c>DefaultLambdaJsonSerializer</c>, for the claim-check
/// serializer that replaces it: nulls omitted, case-insensitive reads, property names as declared except the two AWS
/// names its <c>AwsNamingPolicy</c> maps, and the relaxed escaping its writer uses (so <c>&lt;</c>, <c>&amp;</c>, <c>'</c>
/// and non-ASCII text are written as they are, not as <c>\u</c> escapes), dates read from ISO strings or epoch seconds,
/// memory streams as base64. Not mirrored: its <c>ConstantClassConverter</c> for AWS SDK enumeration classes (payloads
/// carry none) and its <c>LAMBDA_NET_SERIALIZER_DEBUG</c> logging (it would log payloads, which DESIGN §4 forbids).
/// </summary>
internal static class LambdaSerializerJson
{
    private static JsonSerializerOptions? s_options;

    /// <summary>The read-only options (built on first use; a race builds two equal instances, which is harmless).</summary>
    public static JsonSerializerOptions Options
    {
        [RequiresUnreferencedCode("Reflection-based JSON metadata. Supply a JsonSerializerContext through [ClaimCheckSerializer(JsonContext = …)] for trimmed and Native AOT builds.")]
        [RequiresDynamicCode("Reflection-based JSON metadata. Supply a JsonSerializerContext through [ClaimCheckSerializer(JsonContext = …)] for trimmed and Native AOT builds.")]
        get => s_options ??= Create();
    }

    /// <summary>
    /// The same options over the metadata of <paramref name="context"/> (trimming and Native AOT safe), as
    /// <c>SourceGeneratorLambdaJsonSerializer&lt;TContext&gt;</c> applies them to its context: whatever options the
    /// context was generated with, an API Gateway event's <c>body</c> binds to <c>Body</c>.
    /// </summary>
    public static JsonSerializerOptions WithContext(JsonSerializerContext context) => Create(context);

    [RequiresUnreferencedCode("Reflection-based JSON metadata.")]
    [RequiresDynamicCode("Reflection-based JSON metadata.")]
    private static JsonSerializerOptions Create() => Create(new DefaultJsonTypeInfoResolver());

    private static JsonSerializerOptions Create(IJsonTypeInfoResolver resolver)
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
            PropertyNamingPolicy = new AwsNamingPolicy(),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = resolver,
            Converters = { new LambdaDateTimeConverter(), new LambdaMemoryStreamConverter() },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Lambda's naming policy: the S3 event's <c>XAmzId2</c> and <c>XAmzRequestId</c> have the wire names S3 gives
    /// them; every other name stays as declared.
    /// </summary>
    private sealed class AwsNamingPolicy : JsonNamingPolicy
    {
        private static readonly Dictionary<string, string> s_wireNames = new()
        {
            ["XAmzId2"] = "x-amz-id-2",
            ["XAmzRequestId"] = "x-amz-request-id",
        };

        public override string ConvertName(string name) => s_wireNames.TryGetValue(name, out string? wireName) ? wireName : name;
    }
}
