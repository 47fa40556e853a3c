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

    /// <summary>
    /// The size of each part of a multipart upload (at least 5 MiB, S3's minimum; default 5 MiB). A payload streamed
    /// while it is serialized, whose length is not known in advance, keeps this size for its first 1,000 parts and
    /// doubles it every 1,000 parts after that, so S3's 10,000 parts hold about 4.4 TiB from 5 MiB parts.
    /// </summary>
    public long PartSizeBytes { get; init; } = 5L * 1024 * 1024;

    /// <summary>Encryption, storage class and tags of every object written.</summary>
    public S3ObjectSettings Objects { get; init; } = S3ObjectSettings.Default;

    /// <summary>
    /// How many parts are uploaded at once. Default 3: a streamed upload holds this many parts plus the one being
    /// filled (20 MiB with 5 MiB parts), which keeps what an <c>IAsyncEnumerable&lt;T&gt;</c> response adds to a
    /// function's memory, the S3 client's and the garbage collector's share included, under 64 MB at 1 GB
    /// (docs/performance.md). More parts in flight upload faster and cost 5 MiB each.
    /// </summary>
    public int MaxConcurrentParts { get; init; } = 3;
}
