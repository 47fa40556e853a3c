using System;
using System.Collections.Generic;
using System.Reflection;
using Amazon.S3;

namespace PayloadGen;

/// <summary>The storage classes offloaded objects may be written in (<c>PAYLOADGEN_STORAGE_CLASS</c>).</summary>
internal static class S3StorageClasses
{
    // The SDK's own list, so a class S3 adds arrives with an SDK update. typeof(S3StorageClass) is known to the
    // trimmer, which keeps the public static fields read here.
    private static readonly Dictionary<string, S3StorageClass> s_known = Known();

    /// <summary>The SDK's storage class for <paramref name="name"/> (any case), or <see langword="null"/> when S3 has none by that name.</summary>
    public static S3StorageClass? Find(string name) => s_known.TryGetValue(name, out S3StorageClass? found) ? found : null;

    /// <summary>Every storage class the SDK knows, as S3 spells them.</summary>
    public static IEnumerable<string> Names => s_known.Keys;

    /// <summary>
    /// Why objects of <paramref name="storageClass"/> cannot hold payloads, or <see langword="null"/>: the archive
    /// classes need a restore before GetObject, so every pointer to them would fail.
    /// </summary>
    public static string? Problem(S3StorageClass storageClass)
        => storageClass == S3StorageClass.Glacier || storageClass == S3StorageClass.DeepArchive
            ? $"'{storageClass.Value}' objects must be restored before they can be read, so no consumer could follow a pointer to them. Use GLACIER_IR for archive pricing with immediate reads."
            : null;

    private static Dictionary<string, S3StorageClass> Known()
    {
        var known = new Dictionary<string, S3StorageClass>(StringComparer.OrdinalIgnoreCase);
        foreach (FieldInfo field in typeof(S3StorageClass).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is S3StorageClass storageClass)
            {
                known[storageClass.Value] = storageClass;
            }
        }

        return known;
    }
}
