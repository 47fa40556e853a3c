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

        // Plain locals rather than pattern variables: Stryker.NET cannot place its mutants around a pattern variable
        // and drops every mutant of the method as a compile error, which would leave this method unmeasured.
        string? problem = ObjectKeys.Problem(pointer.Key);
        if (problem is not null)
        {
            throw new PayloadKeyNotAllowedException(pointer.Bucket, pointer.Key, problem);
        }

        // A size-less pointer (an extended-client one without attributes) is capped by the store's length instead.
        long? size = pointer.Size;
        if (size > _maxPayloadBytes)
        {
            throw PayloadTooLargeException.ForObject(pointer, size.Value, _maxPayloadBytes);
        }
    }
}
