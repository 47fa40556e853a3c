namespace PayloadGen;

/// <summary>How <see cref="S3PayloadStore"/> writes and reads objects.</summary>
public sealed class S3PayloadStoreOptions
{
    /// <summary>The bucket offloaded payloads are written to; empty for a store that only reads.</summary>
    public required string Bucket { get; init; }

    /// <summary>
    /// The account that must own the bucket (sent as <c>x-amz-expected-bucket-owner</c> on every request), so a
    /// bucket deleted and re-created by another account is never written to or read from.
    /// </summary>
    public string? ExpectedBucketOwner { get; init; }

    /// <summary>
    /// Whether uploads use aws-chunked encoding (the SDK's default). S3-compatible servers that store the chunk
    /// framing instead of decoding it (s3rver, some appliances) need <see langword="false"/>.
    /// </summary>
    public bool UseChunkEncoding { get; init; } = true;

    /// <summary>Payloads larger than this are uploaded in parts. Default 16 MiB.</summary>
    public long MultipartThresholdBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>The size of each part of a multipart upload (at least 5 MiB, S3's minimum). Default 8 MiB.</summary>
    public long PartSizeBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Encryption, storage class and tags of every object written.</summary>
    public S3ObjectSettings Objects { get; init; } = S3ObjectSettings.Default;

    /// <summary>
    /// How many parts are uploaded at once. Default 3: a streamed upload holds this many parts plus the one being
    /// filled (32 MiB with 8 MiB parts), which keeps what PayloadGen adds to a function's memory under 64 MB.
    /// </summary>
    public int MaxConcurrentParts { get; init; } = 3;
}
