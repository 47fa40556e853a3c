using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace PayloadGen;

/// <summary>Keeps offloaded payloads in S3.</summary>
public sealed class S3PayloadStore : IPresigningPayloadStore
{
    private const long MinimumPartBytes = 5L * 1024 * 1024;

    private readonly Lazy<IAmazonS3> _client;
    private readonly S3PayloadStoreOptions _options;

    /// <summary>Creates a store that uses <paramref name="s3"/>, which the caller owns and keeps for the process.</summary>
    public S3PayloadStore(IAmazonS3 s3, S3PayloadStoreOptions options)
        : this(new Lazy<IAmazonS3>(s3 ?? throw new ArgumentNullException(nameof(s3))), options)
    {
    }

    /// <summary>
    /// Creates a store whose client <paramref name="createClient"/> makes on the store's first S3 call, once. A
    /// function whose payloads all stay inline then never creates one: no region or credentials are needed, and
    /// the cold start does not pay for the client.
    /// </summary>
    public S3PayloadStore(Func<IAmazonS3> createClient, S3PayloadStoreOptions options)
        : this(new Lazy<IAmazonS3>(createClient ?? throw new ArgumentNullException(nameof(createClient)), LazyThreadSafetyMode.ExecutionAndPublication), options)
    {
    }

    private S3PayloadStore(Lazy<IAmazonS3> client, S3PayloadStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PartSizeBytes < MinimumPartBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PartSizeBytes, "S3 multipart parts must be at least 5 MiB.");
        }

        ArgumentNullException.ThrowIfNull(options.Objects, nameof(options) + "." + nameof(options.Objects));
        if (options.Objects.FindProblem() is (string property, string problem))
        {
            throw new ArgumentException($"{nameof(S3ObjectSettings)}.{property} {problem}", nameof(options));
        }

        _client = client;
        _options = options;
    }

    /// <inheritdoc />
    public string Bucket => _options.Bucket;

    /// <summary>
    /// The headers an upload of an object described by <paramref name="description"/> must carry (encryption,
    /// storage class, tags), for a presigned PUT to sign and its uploader to send; see <see cref="S3ObjectSettings.UploadHeaders"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> UploadHeaders(PayloadDescription description) => _options.Objects.UploadHeaders(description);

    /// <summary>The S3 client this store uses (created now if it was created lazily and not yet needed).</summary>
    public IAmazonS3 Client => _client.Value;

    /// <summary>Whether the S3 client exists yet; a store created with a factory makes it on first need.</summary>
    public bool IsClientCreated => _client.IsValueCreated;

    /// <inheritdoc />
    public async Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            string? versionId = write.Content.Length > _options.MultipartThresholdBytes
                ? await WriteMultipartAsync(write, cancellationToken).ConfigureAwait(false)
                : await WriteSingleAsync(write, cancellationToken).ConfigureAwait(false);
            return write.PointerIn(Bucket, versionId);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, cancellationToken))
        {
            throw Failure("write", Bucket, write.Key, ex);
        }
    }

    /// <inheritdoc />
    public async Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        GetObjectResponse response;
        try
        {
            response = await Client.GetObjectAsync(
                new GetObjectRequest
                {
                    BucketName = pointer.Bucket,
                    Key = pointer.Key,
                    VersionId = pointer.VersionId,
                    ExpectedBucketOwner = _options.ExpectedBucketOwner,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new PayloadNotFoundException(pointer.Bucket, pointer.Key, ex);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, cancellationToken))
        {
            throw Failure("open", pointer.Bucket, pointer.Key, ex);
        }

        try
        {
            // The headers have arrived, the body has not been read: the size cap holds before any download.
            StoredPayload.CheckLength(pointer, response.ContentLength, maxBytes);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return new StoredPayload(new S3BodyStream(response, pointer, cancellationToken), response.ContentLength);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        try
        {
            await Client.DeleteObjectAsync(
                new DeleteObjectRequest
                {
                    BucketName = pointer.Bucket,
                    Key = pointer.Key,
                    VersionId = pointer.VersionId,
                    ExpectedBucketOwner = _options.ExpectedBucketOwner,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, cancellationToken))
        {
            throw Failure("delete", pointer.Bucket, pointer.Key, ex);
        }
    }

    /// <inheritdoc />
    public async Task<string> PresignReadAsync(PayloadPointer pointer, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = pointer.Bucket,
            Key = pointer.Key,
            VersionId = pointer.VersionId,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + lifetime,
            // An S3-compatible endpoint configured as http:// is only reachable over http.
            Protocol = Client.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        try
        {
            // Signing resolves credentials, which may mean a call to STS or the instance metadata service.
            return await Client.GetPreSignedURLAsync(request).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, cancellationToken))
        {
            throw Failure("presign a URL for", pointer.Bucket, pointer.Key, ex);
        }
    }

    /// <inheritdoc />
    public async Task<PresignedUpload> PresignWriteAsync(string key, PayloadDescription description, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(description);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            // Signed: an upload with another Content-Type fails S3's signature check.
            ContentType = description.ContentType,
            Expires = DateTime.UtcNow + lifetime,
            Protocol = Client.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = description.ContentType };
        // The uploaded object gets the encryption, storage class and tags every other object gets, or S3 refuses it.
        foreach (KeyValuePair<string, string> header in UploadHeaders(description))
        {
            request.Headers[header.Key] = header.Value;
            headers[header.Key] = header.Value;
        }

        string url = await Client.GetPreSignedURLAsync(request).ConfigureAwait(false);
        return new PresignedUpload(url, headers);
    }

    private async Task<string?> WriteSingleAsync(PayloadWrite write, CancellationToken cancellationToken)
    {
        using var body = new ReadOnlySequenceStream(write.Content);
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = write.Key,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = write.Description.ContentType,
            UseChunkEncoding = _options.UseChunkEncoding,
            ExpectedBucketOwner = _options.ExpectedBucketOwner,
            // S3 recomputes this and rejects the upload when a byte changed on the way.
            ChecksumSHA256 = Sha256Hex.ToBase64(write.Sha256),
        };
        request.Headers.ContentLength = write.Content.Length;
        request.Headers.ContentDisposition = write.Description.ContentDisposition;
        request.Headers.ContentEncoding = write.Description.ContentEncoding;
        _options.Objects.ApplyTo(request, write.Description);
        PutObjectResponse response = await Client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return response.VersionId;
    }

    private async Task<string?> WriteMultipartAsync(PayloadWrite write, CancellationToken cancellationToken)
    {
        string key = write.Key;
        ReadOnlySequence<byte> content = write.Content;
        var initiate = new InitiateMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = key,
            ContentType = write.Description.ContentType,
            ExpectedBucketOwner = _options.ExpectedBucketOwner,
            Metadata = { ["payloadgen-sha256"] = write.Sha256 },
        };
        initiate.Headers.ContentDisposition = write.Description.ContentDisposition;
        initiate.Headers.ContentEncoding = write.Description.ContentEncoding;
        _options.Objects.ApplyTo(initiate, write.Description);
        InitiateMultipartUploadResponse started = await Client.InitiateMultipartUploadAsync(initiate, cancellationToken).ConfigureAwait(false);

        try
        {
            int partCount = (int)((content.Length + _options.PartSizeBytes - 1) / _options.PartSizeBytes);
            var etags = new PartETag[partCount];
            await Parallel.ForEachAsync(
                PartNumbers(partCount),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentParts), CancellationToken = cancellationToken },
                async (partNumber, ct) =>
                {
                    long offset = (partNumber - 1) * _options.PartSizeBytes;
                    ReadOnlySequence<byte> slice = content.Slice(offset, Math.Min(_options.PartSizeBytes, content.Length - offset));
                    using var body = new ReadOnlySequenceStream(slice);
                    UploadPartResponse uploaded = await Client.UploadPartAsync(
                        new UploadPartRequest
                        {
                            BucketName = Bucket,
                            Key = key,
                            UploadId = started.UploadId,
                            PartNumber = partNumber,
                            PartSize = slice.Length,
                            InputStream = body,
                            IsLastPart = partNumber == partCount,
                            UseChunkEncoding = _options.UseChunkEncoding,
                            ExpectedBucketOwner = _options.ExpectedBucketOwner,
                        },
                        ct).ConfigureAwait(false);
                    etags[partNumber - 1] = new PartETag(partNumber, uploaded.ETag);
                }).ConfigureAwait(false);

            CompleteMultipartUploadResponse completed = await Client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest
                {
                    BucketName = Bucket,
                    Key = key,
                    UploadId = started.UploadId,
                    PartETags = new List<PartETag>(etags),
                    ExpectedBucketOwner = _options.ExpectedBucketOwner,
                },
                cancellationToken).ConfigureAwait(false);
            return completed.VersionId;
        }
        catch
        {
            await AbortQuietlyAsync(key, started.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task AbortQuietlyAsync(string key, string uploadId)
    {
        try
        {
            // An abandoned upload keeps billing for its parts; abort it even when the caller has given up.
            await Client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest
                {
                    BucketName = Bucket,
                    Key = key,
                    UploadId = uploadId,
                    ExpectedBucketOwner = _options.ExpectedBucketOwner,
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, CancellationToken.None))
        {
            // The original failure is the one worth reporting; a bucket lifecycle rule
            // (AbortIncompleteMultipartUpload) cleans up what this could not.
        }
    }

    private static IEnumerable<int> PartNumbers(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            yield return i;
        }
    }

    private PayloadStoreException Failure(string operation, string bucket, string key, Exception ex)
    {
        if (ex is not AmazonServiceException { StatusCode: not 0 } service)
        {
            // No answer from S3: the network, the endpoint, credentials, a timeout.
            return new PayloadStoreException(operation, bucket, key, $"S3 could not be reached ({StoreFailures.Describe(ex)}).", ex);
        }

        string hint = service.StatusCode == HttpStatusCode.Forbidden
            ? $" The function's role needs {PermissionsFor(operation)} on arn:aws:s3:::{UntrustedName.Render(bucket)}/*{KmsPermissionsFor(operation)}, and the bucket must belong to the expected owner."
            : string.Empty;
        return new PayloadStoreException(operation, bucket, key, $"S3 answered {UntrustedName.Render(service.ErrorCode)} ({(int)service.StatusCode}).{hint}", ex);
    }

    private string PermissionsFor(string operation) => operation switch
    {
        "write" => _options.Objects.TagObjects ? "s3:PutObject and s3:PutObjectTagging (objects are tagged)" : "s3:PutObject",
        "delete" => "s3:DeleteObject",
        _ => "s3:GetObject",
    };

    // SSE-KMS objects need the key as well; a read may name an object some other writer encrypted, so it is mentioned
    // whenever this store encrypts with KMS, as a hint rather than a diagnosis.
    private string KmsPermissionsFor(string operation) => _options.Objects.Encryption != PayloadEncryption.Kms
        ? string.Empty
        : operation == "write"
            ? " and kms:GenerateDataKey plus kms:Decrypt (multipart uploads) on the KMS key"
            : " and kms:Decrypt on the KMS key";
}
