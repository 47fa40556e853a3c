using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PayloadGen;

/// <summary>
/// JSON metadata for generated wrappers. Without a user <see cref="JsonSerializerContext"/>, payloads use options
/// that match Amazon.Lambda.Serialization.SystemTextJson's default serializer — property names as declared,
/// case-insensitive reads, nulls omitted — so adding <c>[ClaimCheck]</c> to a deployed handler does not change
/// the JSON its callers see.
/// </summary>
public static class ClaimCheckJson
{
    // Built on first use; a race builds two equal read-only instances, which is harmless.
    private static JsonSerializerOptions? s_lambdaDefault;

    /// <summary>Options matching Lambda's default System.Text.Json serializer (read-only).</summary>
    public static JsonSerializerOptions LambdaDefaultOptions
    {
        [RequiresUnreferencedCode("Reflection-based JSON metadata. Supply a JsonSerializerContext through [ClaimCheck(JsonContext = …)] for trimmed and Native AOT builds.")]
        [RequiresDynamicCode("Reflection-based JSON metadata. Supply a JsonSerializerContext through [ClaimCheck(JsonContext = …)] for trimmed and Native AOT builds.")]
        get => s_lambdaDefault ??= CreateLambdaDefaultOptions();
    }

    /// <summary>
    /// Metadata for <typeparamref name="T"/> from reflection, with <paramref name="options"/> or the Lambda defaults.
    /// Options without a <see cref="JsonSerializerOptions.TypeInfoResolver"/> (<c>new(JsonSerializerDefaults.Web)</c>, the
    /// usual way to write them) get reflection metadata and become read-only, as <see cref="JsonSerializer"/> does with
    /// them on first use.
    /// </summary>
    [RequiresUnreferencedCode("Reflection-based JSON metadata. Supply a JsonSerializerContext through [ClaimCheck(JsonContext = …)] for trimmed and Native AOT builds.")]
    [RequiresDynamicCode("Reflection-based JSON metadata. Supply a JsonSerializerContext through [ClaimCheck(JsonContext = …)] for trimmed and Native AOT builds.")]
    public static JsonTypeInfo<T> GetTypeInfo<T>(JsonSerializerOptions? options = null)
    {
        options ??= LambdaDefaultOptions;
        if (options.TypeInfoResolver is null)
        {
            // JsonSerializerOptions.GetTypeInfo, unlike JsonSerializer.Serialize, does not fill in the missing resolver.
            options.MakeReadOnly(populateMissingResolver: true);
        }

        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    /// <summary>Metadata for <typeparamref name="T"/> from a source-generated <paramref name="context"/>.</summary>
    /// <exception cref="InvalidOperationException">The context has no metadata for <typeparamref name="T"/>.</exception>
    public static JsonTypeInfo<T> GetTypeInfo<T>(JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"{context.GetType().FullName} has no metadata for {typeof(T).FullName}. Add [JsonSerializable(typeof({typeof(T).Name}))] to it.");
    }

    [RequiresUnreferencedCode("Reflection-based JSON metadata.")]
    [RequiresDynamicCode("Reflection-based JSON metadata.")]
    private static JsonSerializerOptions CreateLambdaDefaultOptions()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
