using System;
using System.Collections.Generic;

namespace PayloadGen;

/// <summary>
/// Decides whether a pointer may be followed at all. Runs before any call to the store: the sender controls the
/// pointer, and the consumer's role must not become a confused deputy.
/// </summary>
internal sealed class PointerPolicy
{
    private readonly HashSet<string> _allowedBuckets;
    private readonly string _keyPrefix;
    private readonly long _maxPayloadBytes;

    public PointerPolicy(IEnumerable<string> allowedBuckets, string keyPrefix, long maxPayloadBytes)
    {
        _allowedBuckets = new HashSet<string>(allowedBuckets, StringComparer.Ordinal);
        _keyPrefix = keyPrefix;
        _maxPayloadBytes = maxPayloadBytes;
    }

    public void Validate(PayloadPointer pointer)
    {
        if (!_allowedBuckets.Contains(pointer.Bucket))
        {
            throw new PayloadBucketNotAllowedException(pointer.Bucket);
        }

        if (!pointer.Key.StartsWith(_keyPrefix, StringComparison.Ordinal))
        {
            throw new PayloadKeyNotAllowedException(pointer.Bucket, pointer.Key, $"keys must start with the prefix '{_keyPrefix}' (PAYLOADGEN_KEY_PREFIX).");
        }

        if (ObjectKeys.Problem(pointer.Key) is string problem)
        {
            throw new PayloadKeyNotAllowedException(pointer.Bucket, pointer.Key, problem);
        }

        if (pointer.Size is long size && size > _maxPayloadBytes)
        {
            throw new PayloadTooLargeException($"The payload object '{UntrustedName.Render(pointer.Key)}'", size, _maxPayloadBytes);
        }
    }
}
