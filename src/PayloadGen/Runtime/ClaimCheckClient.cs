using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// The caller's side of the claim check: prepares a request payload for a <c>[ClaimCheck]</c> function (stored and
/// replaced by a pointer when it is over the invocation path's limit) and reads its response (following a pointer
/// when the function offloaded it). Configure both sides with the same bucket and prefix.
/// </summary>
public sealed class ClaimCheckClient
{
    private readonly ClaimCheckRuntime _runtime;

    /// <summary>Creates a client over <paramref name="runtime"/>, or <see cref="ClaimCheckRuntime.Default"/>.</summary>
    public ClaimCheckClient(ClaimCheckRuntime? runtime = null)
    {
        _runtime = runtime ?? ClaimCheckRuntime.Default;
    }

    /// <summary>How the function will be invoked; decides the request's inline limit. Default: synchronous.</summary>
    public PayloadSource Source { get; init; } = PayloadSource.Direct;

    /// <summary>
    /// Serializes <paramref name="request"/> and returns the invocation payload: the JSON itself when it fits,
    /// otherwise a pointer to the stored JSON. Use it as the Invoke payload (e.g. <c>InvokeRequest.PayloadStream</c>).
    /// </summary>
    public ValueTask<Stream> PrepareRequestAsync<T>(T request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        => _runtime.DehydrateAsync(request, typeInfo, Source, 0, OffloadDirection.Request, cancellationToken);

    /// <inheritdoc cref="PrepareRequestAsync{T}(T, JsonTypeInfo{T}, CancellationToken)"/>
    [RequiresUnreferencedCode("Reflection-based JSON. Use the JsonTypeInfo overload for trimmed and Native AOT builds.")]
    [RequiresDynamicCode("Reflection-based JSON. Use the JsonTypeInfo overload for trimmed and Native AOT builds.")]
    public ValueTask<Stream> PrepareRequestAsync<T>(T request, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
        => PrepareRequestAsync(request, ClaimCheckJson.GetTypeInfo<T>(options), cancellationToken);

    /// <summary>
    /// Reads a function's response payload: inline JSON, or a PayloadGen pointer that is followed, verified and
    /// deserialized from the store.
    /// </summary>
    public ValueTask<T?> ReadResponseAsync<T>(Stream response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        // Responses are only ever written by PayloadGen, so the ambiguous bare shape is never a pointer here.
        return _runtime.HydrateAsync(response, typeInfo, allowBarePointer: false, cancellationToken);
    }

    /// <inheritdoc cref="ReadResponseAsync{T}(Stream, JsonTypeInfo{T}, CancellationToken)"/>
    [RequiresUnreferencedCode("Reflection-based JSON. Use the JsonTypeInfo overload for trimmed and Native AOT builds.")]
    [RequiresDynamicCode("Reflection-based JSON. Use the JsonTypeInfo overload for trimmed and Native AOT builds.")]
    public ValueTask<T?> ReadResponseAsync<T>(Stream response, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
        => ReadResponseAsync(response, ClaimCheckJson.GetTypeInfo<T>(options), cancellationToken);
}
