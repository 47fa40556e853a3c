using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

namespace PayloadGen;

/// <summary>
/// One S3 multipart upload: parts go up as they are handed in (concurrently, in any order), the object appears on
/// completion, and an upload that is not completed is aborted so no billed parts are left behind. Both of
/// <see cref="S3PayloadStore"/>'s ways of writing in parts — a payload already in memory and a payload streamed
/// while it is serialized — use it.
/// </summary>
internal sealed class S3MultipartUpload : IPrehashedPartUpload
{
    /// <summary>S3's limit on the parts of one object.</summary>
    public const int MaxParts = 10_000;

    /// <summary>How long a failed abort waits before its one retry.</summary>
    private static readonly TimeSpan AbortRetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly S3PayloadStore _store;
    private readonly IAmazonS3 _s3;
    private readonly S3PayloadStoreOptions _options;
    private readonly string _uploadId;
    private readonly string _contentType;
    // Grown as parts arrive (under the lock: parts complete concurrently) rather than 10,000 slots (80 KB) per upload.
    private readonly object _etagsLock = new();
    private PartETag?[] _etags = new PartETag?[16];
    private int _state; // 0 open, 1 completed, 2 aborted

    public S3MultipartUpload(S3PayloadStore store, string key, string uploadId, string contentType)
    {
        _store = store;
        _s3 = store.Client;
        _options = store.Options;
        Key = key;
        _uploadId = uploadId;
        _contentType = contentType;
    }

    public string Key { get; }

    /// <summary>
    /// Unchunked, the client signs a part with its SHA-256, which it reads the part once more to compute unless given
    /// it; only PayloadGen's own client (<see cref="PayloadGenS3Client"/>) can be given it.
    /// </summary>
    public bool TakesPartSha256 => !_options.UseChunkEncoding && _s3 is PayloadGenS3Client;

    public Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
        => SendPartAsync(partNumber, offset, content, sha256: null, cancellationToken);

    public Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, string sha256, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return SendPartAsync(partNumber, offset, content, sha256, cancellationToken);
    }

    private async Task SendPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, string? sha256, CancellationToken cancellationToken)
    {
        if (partNumber is < 1 or > MaxParts)
        {
            throw PayloadTooLargeException.ForParts(Key, offset + content.Length, MaxParts, _options.PartSizeBytes);
        }

        using var body = new ReadOnlySequenceStream(content) { ContentSha256 = sha256 };
        UploadPartResponse uploaded;
        try
        {
            uploaded = await _s3.UploadPartAsync(
                new UploadPartRequest
                {
                    BucketName = _options.Bucket,
                    Key = Key,
                    UploadId = _uploadId,
                    PartNumber = partNumber,
                    PartSize = content.Length,
                    InputStream = body,
                    UseChunkEncoding = _options.UseChunkEncoding,
                    ExpectedBucketOwner = _options.ExpectedBucketOwner,
                    // The checksum the client would otherwise compute itself, in a pass of its own over the part (PartChecksum).
                    ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
                    ChecksumCRC32 = PartChecksum.Crc32Base64(content),
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, cancellationToken))
        {
            throw _store.Failure("write", _options.Bucket, Key, ex);
        }

        lock (_etagsLock)
        {
            if (partNumber > _etags.Length)
            {
                Array.Resize(ref _etags, Math.Min(MaxParts, Math.Max(partNumber, _etags.Length * 2)));
            }

            _etags[partNumber - 1] = new PartETag(partNumber, uploaded.ETag);
        }
    }

    public async Task<PayloadPointer> CompleteAsync(int partCount, long length, string sha256, CancellationToken cancellationToken)
    {
        var parts = new System.Collections.Generic.List<PartETag>(partCount);
        lock (_etagsLock)
        {
            for (int i = 0; i < partCount; i++)
            {
                parts.Add((i < _etags.Length ? _etags[i] : null) ?? throw new InvalidOperationException($"Part {i + 1} of '{UntrustedName.Render(Key)}' was not uploaded."));
            }
        }

        CompleteMultipartUploadResponse completed;
        try
        {
            completed = await _s3.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest
                {
                    BucketName = _options.Bucket,
                    Key = Key,
                    UploadId = _uploadId,
                    PartETags = parts,
                    ExpectedBucketOwner = _options.ExpectedBucketOwner,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, cancellationToken))
        {
            throw _store.Failure("write", _options.Bucket, Key, ex);
        }

        _state = 1;
        return new PayloadPointer(_options.Bucket, Key) { Size = length, Sha256 = sha256, ContentType = _contentType, VersionId = completed.VersionId };
    }

    public async ValueTask AbortAsync()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) != 0)
        {
            return;
        }

        // A part cancelled mid-send may still be being stored when the abort arrives, and the abort then fails (S3
        // documents aborting again for parts that were in progress; s3rver answers 500): one more try, a moment later.
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            try
            {
                // An abandoned upload keeps billing for its parts; abort it even when the caller has given up.
                await _s3.AbortMultipartUploadAsync(
                    new AbortMultipartUploadRequest
                    {
                        BucketName = _options.Bucket,
                        Key = Key,
                        UploadId = _uploadId,
                        ExpectedBucketOwner = _options.ExpectedBucketOwner,
                    },
                    CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, CancellationToken.None))
            {
                // The original failure is the one worth reporting; a bucket lifecycle rule
                // (AbortIncompleteMultipartUpload) cleans up what this could not.
                if (attempt == 1)
                {
                    await Task.Delay(AbortRetryDelay).ConfigureAwait(false);
                }
            }
        }
    }

    public ValueTask DisposeAsync() => AbortAsync();
}
