using System;
using System.Buffers;

namespace PayloadGen;

/// <summary>One object for <see cref="IPayloadStore.WriteAsync"/> to store: its key, its bytes and what it is.</summary>
public sealed class PayloadWrite
{
    /// <summary>Describes an object to write.</summary>
    /// <param name="key">The object key, already under the configured prefix.</param>
    /// <param name="content">The payload bytes.</param>
    /// <param name="sha256">Lower-case hexadecimal SHA-256 of <paramref name="content"/>.</param>
    /// <param name="description">Headers, direction and source; JSON response when omitted.</param>
    public PayloadWrite(string key, ReadOnlySequence<byte> content, string sha256, PayloadDescription? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        Key = key;
        Content = content;
        Sha256 = sha256;
        Description = description ?? PayloadDescription.Json;
    }

    /// <summary>The object key, already under the configured prefix.</summary>
    public string Key { get; }

    /// <summary>The payload bytes.</summary>
    public ReadOnlySequence<byte> Content { get; }

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; }

    /// <summary>The headers the object is stored with, and its direction and source.</summary>
    public PayloadDescription Description { get; }

    /// <summary>The pointer a store returns once it wrote the object in <paramref name="bucket"/>, with <paramref name="versionId"/> when the bucket is versioned.</summary>
    public PayloadPointer PointerIn(string bucket, string? versionId = null)
        => new(bucket, Key) { Size = Content.Length, Sha256 = Sha256, ContentType = Description.ContentType, VersionId = versionId };
}
