using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.AspNetCore;

/// <summary>Stores a response body with its content type and returns a presigned GET URL for it.</summary>
internal static class StoredResponseBody
{
    public static async Task<string> StoreAsync(ClaimCheckRuntime runtime, ReadOnlySequence<byte> body, string? contentType, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (runtime.Store is not IPresigningPayloadStore store)
        {
            throw new ClaimCheckConfigurationException($"A response of {body.Length:N0} bytes must be offloaded, but the store ({runtime.Store.GetType().Name}) cannot presign URLs for HTTP clients. Use PAYLOADGEN_STORE=s3.");
        }

        if (string.IsNullOrEmpty(store.Bucket))
        {
            throw new ClaimCheckConfigurationException($"A response of {body.Length:N0} bytes must be offloaded, but no bucket is configured. Set {EnvironmentVariables.Bucket}.");
        }

        string key = ObjectKeys.NewKey(runtime.Options.KeyPrefix, DateTimeOffset.UtcNow);
        PayloadPointer pointer = await store.WriteAsync(key, body, Sha256Hex.Of(body), contentType ?? "application/octet-stream", cancellationToken).ConfigureAwait(false);
        return await store.PresignReadAsync(pointer, lifetime, cancellationToken).ConfigureAwait(false);
    }
}
