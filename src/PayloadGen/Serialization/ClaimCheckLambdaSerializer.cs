using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

namespace PayloadGen;

/// <summary>
/// What a <c>[ClaimCheckSerializer]</c> class does behind its generated <c>ILambdaSerializer</c> methods: reads inline
/// JSON as Lambda's default System.Text.Json serializer does and hydrates pointers; writes inline JSON byte for byte as
/// that serializer does within the limit, and over it stores the response (API Gateway and ALB proxy responses answer
/// with a redirect to the stored body, any other response with a pointer).
/// </summary>
/// <remarks>
/// <para>
/// Amazon.Lambda.Annotations' generated HTTP handlers call the function's serializer themselves (through their own
/// instance of it): to read a <c>[FromBody]</c> parameter from the proxy request's <c>Body</c>, and to write the
/// method's result into the proxy response's <c>Body</c>. Those inner calls happen between the runtime's own
/// <c>Deserialize</c> of the proxy request and its <c>Serialize</c> of the proxy response, so an invocation that began
/// with a proxy request marks its flow as an HTTP invocation (<see cref="HttpInvocationMark"/>): within it, a body is
/// never replaced by a pointer (an HTTP client could not read one; the proxy response is offloaded instead, by
/// redirect) and a body that is an upload-slot pointer is hydrated.
/// </para>
/// <para>
/// The mark ends with the proxy response, and is keyed to the request's body so that an invocation that threw (and
/// never serialized its response) cannot pass it on to the next one of the same flow: a read that is not that body is
/// a new invocation's request.
/// </para>
/// </remarks>
public sealed class ClaimCheckLambdaSerializer
{
    private readonly ClaimCheckRuntime _runtime;
    private readonly JsonSerializerOptions? _contextOptions;

    /// <summary>
    /// A serializer whose JSON metadata comes from <paramref name="jsonContext"/> (trimming and Native AOT safe), read and
    /// written with the options of Lambda's default serializer whatever options the context was generated with — as
    /// <c>SourceGeneratorLambdaJsonSerializer&lt;TContext&gt;</c> does.
    /// </summary>
    /// <param name="runtime">The claim-check runtime (store, configuration).</param>
    /// <param name="jsonContext">Metadata for every request and response type the function reads and writes.</param>
    public ClaimCheckLambdaSerializer(ClaimCheckRuntime runtime, JsonSerializerContext jsonContext)
        : this(runtime, jsonContext, reflection: false)
    {
        ArgumentNullException.ThrowIfNull(jsonContext);
    }

    private ClaimCheckLambdaSerializer(ClaimCheckRuntime runtime, JsonSerializerContext? context, bool reflection)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _runtime = runtime;
        _contextOptions = reflection || context is null ? null : LambdaSerializerJson.WithContext(context);
    }

    /// <summary>
    /// A serializer with reflection metadata and the options of Amazon.Lambda.Serialization.SystemTextJson's
    /// <c>DefaultLambdaJsonSerializer</c>.
    /// </summary>
    /// <param name="runtime">The claim-check runtime (store, configuration).</param>
    [RequiresUnreferencedCode("Reflection-based JSON metadata. Supply a JsonSerializerContext through [ClaimCheckSerializer(JsonContext = …)] for trimmed and Native AOT builds.")]
    [RequiresDynamicCode("Reflection-based JSON metadata. Supply a JsonSerializerContext through [ClaimCheckSerializer(JsonContext = …)] for trimmed and Native AOT builds.")]
    public static ClaimCheckLambdaSerializer WithLambdaDefaults(ClaimCheckRuntime runtime)
    {
        // Built here, under the reflection warning, so TypeInfo below never builds reflection metadata unannounced.
        _ = LambdaSerializerJson.Options;
        return new ClaimCheckLambdaSerializer(runtime, null, reflection: true);
    }

    /// <summary>The claim-check runtime the serializer stores through.</summary>
    public ClaimCheckRuntime Runtime => _runtime;

    /// <summary>
    /// Reads the invocation's request (inline JSON, or a pointer hydrated under every check of the runtime), or, within
    /// an HTTP invocation, a proxy request's body (inline JSON, or an upload-slot pointer).
    /// </summary>
    /// <exception cref="ClaimCheckException">A pointer that may not be followed or does not match its object, or malformed JSON.</exception>
    public T Deserialize<T>(Stream requestStream)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        JsonTypeInfo<T> typeInfo = TypeInfo<T>();
        if (ProxyEventTypes.RequestSource(typeof(T)) is not null)
        {
            T request = Hydrate(requestStream, typeInfo);
            HttpInvocationMark.Begin(BodyOf(request, typeInfo));
            return request;
        }

        if (HttpInvocationMark.Current is not HttpInvocationMark http)
        {
            return Hydrate(requestStream, typeInfo);
        }

        using ContiguousPayload content = SynchronousStoreCall.Run(() => ContiguousPayload.ReadAsync(requestStream, _runtime.Options.MaxPayloadBytes, CancellationToken.None));
        if (http.IsBodyOf(content.Memory.Span))
        {
            return DeserializeHttpBody(content.Memory.Span, typeInfo);
        }

        // Not the marked request's body: the request of a new invocation, after an HTTP one that never answered.
        HttpInvocationMark.End();
        ReadOnlyMemory<byte> payload = content.Memory;
        return SynchronousStoreCall.Run(() => _runtime.HydrateAsync(payload, typeInfo, allowBarePointer: false, CancellationToken.None))!;
    }

    /// <summary>
    /// Writes the invocation's response: inline within the limit; over it, a proxy response redirects to its stored body
    /// and any other response becomes a pointer. Within an HTTP invocation, a value that is not the proxy response (the
    /// body Annotations writes into it) is always written inline.
    /// </summary>
    /// <exception cref="ClaimCheckException">The response had to be stored and could not be.</exception>
    public void Serialize<T>(T response, Stream responseStream)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        JsonTypeInfo<T> typeInfo = TypeInfo<T>();
        if (ProxyEventTypes.ResponseSource(typeof(T)) is PayloadSource source)
        {
            // The response ends the HTTP invocation; a proxy response returned without a proxy request (a test, a
            // custom integration) is an HTTP response all the same, with the limit of its own type.
            HttpInvocationMark.End();
            using Stream answer = SynchronousStoreCall.Run(() => _runtime.DehydrateHttpResponseAsync(response, typeInfo, source, default, CancellationToken.None));
            answer.CopyTo(responseStream);
            return;
        }

        if (HttpInvocationMark.Current is not null)
        {
            using PooledByteBuffer inline = PooledJsonSerializer.Serialize(response, typeInfo);
            foreach (ReadOnlyMemory<byte> segment in inline.WrittenSequence)
            {
                responseStream.Write(segment.Span);
            }

            return;
        }

        using Stream payload = SynchronousStoreCall.Run(() => _runtime.DehydrateAsync(response, typeInfo, PayloadSource.Direct, 0, CancellationToken.None));
        payload.CopyTo(responseStream);
    }

    private T Hydrate<T>(Stream requestStream, JsonTypeInfo<T> typeInfo)
        // The bare {"bucket","key"} shape is never a pointer here: the serializer cannot know whether T has that shape.
        => SynchronousStoreCall.Run(() => _runtime.HydrateAsync(requestStream, typeInfo, allowBarePointer: false, CancellationToken.None))!;

    private T DeserializeHttpBody<T>(ReadOnlySpan<byte> bytes, JsonTypeInfo<T> typeInfo)
    {
        if (bytes.Length <= PointerWireNames.MaxPointerBytes)
        {
            // Only an upload-slot pointer is followed from a body (a key under {prefix}uploads/, every check of the
            // runtime); any other pointer is refused there, and a body that is no pointer is the client's JSON.
            string text = Encoding.UTF8.GetString(bytes);
            HttpRequestBody? uploaded;
            try
            {
                uploaded = SynchronousStoreCall.Run(() => _runtime.HydrateHttpRequestBodyAsync(text, isBase64Encoded: false, CancellationToken.None));
            }
            catch (Exception error) when (ClaimCheckRuntime.IsRefusedUpload(error))
            {
                // Annotations answers a failed [FromBody] with a 400 whose body quotes the exception's message: the
                // client gets what the wrapper's refusal says, never the bucket, key or prefix; the details go to the log.
                _runtime.ReportRefusedUpload(error);
                throw new HttpUploadRefusedException(error);
            }

            if (uploaded is not null)
            {
                byte[] json = uploaded.IsBase64Encoded ? Convert.FromBase64String(uploaded.Body) : Encoding.UTF8.GetBytes(uploaded.Body);
                return ClaimCheckRuntime.DeserializeInline(json, typeInfo)!;
            }
        }

        return ClaimCheckRuntime.DeserializeInline(bytes, typeInfo)!;
    }

    /// <summary>
    /// The proxy request's <c>Body</c>, read through its JSON metadata (no reflection, so trimming and Native AOT keep
    /// it), or <see langword="null"/> when the type has no string property of that name.
    /// </summary>
    private static string? BodyOf<T>(T request, JsonTypeInfo<T> typeInfo)
    {
        if (request is null)
        {
            return null;
        }

        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            if (property.PropertyType == typeof(string) && property.Get is { } get && string.Equals(property.Name, "body", StringComparison.OrdinalIgnoreCase))
            {
                return (string?)get(request);
            }
        }

        return null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Without a context, the serializer was created by WithLambdaDefaults, which carries the warning.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Without a context, the serializer was created by WithLambdaDefaults, which carries the warning.")]
    private JsonTypeInfo<T> TypeInfo<T>()
    {
        if (_contextOptions is null)
        {
            return (JsonTypeInfo<T>)LambdaSerializerJson.Options.GetTypeInfo(typeof(T));
        }

        return _contextOptions.TryGetTypeInfo(typeof(T), out JsonTypeInfo? typeInfo)
            ? (JsonTypeInfo<T>)typeInfo
            : throw new InvalidOperationException($"The serializer's JsonContext has no metadata for {typeof(T).FullName}. Add [JsonSerializable(typeof({typeof(T).Name}))] to it.");
    }
}
