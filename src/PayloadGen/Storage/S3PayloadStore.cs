using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.S3;
using Amazon.S3.Model;

namespace PayloadGen;

/// <summary>Keeps offloaded payloads in S3.</summary>
public sealed class S3PayloadStore : IPresigningPayloadStore, IStreamingPayloadStore
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

    /// <summary>How this store writes and reads (the part uploads of <see cref="S3MultipartUpload"/> read it too).</summary>
    internal S3PayloadStoreOptions Options => _options;

    /// <inheritdoc />
    public long PartSizeBytes => _options.PartSizeBytes;

    /// <inheritdoc />
    public int MaxConcurrentParts => Math.Max(1, _options.MaxConcurrentParts);

    /// <inheritdoc />
    public async Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(description);
        var initiate = new InitiateMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = key,
            ContentType = description.ContentType,
            ExpectedBucketOwner = _options.ExpectedBucketOwner,
        };
        initiate.Headers.ContentDisposition = description.ContentDisposition;
        initiate.Headers.ContentEncoding = description.ContentEncoding;
        // Encryption, tags and storage class: the same settings as a single-part PutObject, from the one place that applies them.
        _options.Objects.ApplyTo(initiate, description);
        try
        {
            InitiateMultipartUploadResponse started = await Client.InitiateMultipartUploadAsync(initiate, cancellationToken).ConfigureAwait(false);
            return new S3MultipartUpload(this, key, started.UploadId, description.ContentType);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, cancellationToken))
        {
            throw Failure("write", Bucket, key, ex);
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

    /// <summary>
    /// When a URL presigned now for <paramref name="lifetime"/> must stop working, on the clock the client signs
    /// <paramref name="request"/> with.
    /// </summary>
    /// <remarks>
    /// The client writes <c>X-Amz-Expires</c> as <see cref="GetPreSignedUrlRequest.Expires"/> minus its
    /// clock-skew-corrected now for the request's endpoint, rounded to the nearest second, and AWSSDK.Core 4.1 corrects
    /// that clock from every response's <c>Date</c> header, which has whole seconds (and from a server whose clock is
    /// off by minutes, by minutes). Measured from <see cref="DateTime.UtcNow"/>, a URL was signed for up to a second
    /// longer than asked, or for the lifetime plus the skew; a URL is a bearer token, never valid longer than asked.
    /// From the client's own clock, less 0.4 s, it rounds to the lifetime (one second less when resolving
    /// credentials delays the signing).
    /// </remarks>
    private DateTime ExpiresAfter(GetPreSignedUrlRequest request, TimeSpan lifetime)
    {
        string endpoint = Client.Config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(request)).URL;
        return CorrectClockSkew.GetCorrectedUtcNowForEndpoint(endpoint) + lifetime - TimeSpan.FromMilliseconds(400);
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
            // An S3-compatible endpoint configured as http:// is only reachable over http.
            Protocol = Client.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        try
        {
            // Resolves the request's endpoint, as signing does (a bucket it refuses fails here, as a store failure).
            request.Expires = ExpiresAfter(request, lifetime);

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
            Protocol = Client.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = description.ContentType };
        // The uploaded object gets the encryption, storage class and tags every other object gets, or S3 refuses it.
        foreach (KeyValuePair<string, string> header in UploadHeaders(description))
        {
            request.Headers[header.Key] = header.Value;
            headers[header.Key] = header.Value;
        }

        request.Expires = ExpiresAfter(request, lifetime);
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
        ReadOnlySequence<byte> content = write.Content;
        await using IPayloadUpload upload = await StartUploadAsync(write.Key, write.Description, cancellationToken).ConfigureAwait(false);
        int partCount = (int)((content.Length + _options.PartSizeBytes - 1) / _options.PartSizeBytes);
        await Parallel.ForEachAsync(
            PartNumbers(partCount),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentParts), CancellationToken = cancellationToken },
            async (partNumber, ct) =>
            {
                long offset = (partNumber - 1) * _options.PartSizeBytes;
                ReadOnlySequence<byte> slice = content.Slice(offset, Math.Min(_options.PartSizeBytes, content.Length - offset));
                await upload.UploadPartAsync(partNumber, offset, slice, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

        PayloadPointer written = await upload.CompleteAsync(partCount, content.Length, write.Sha256, cancellationToken).ConfigureAwait(false);
        return written.VersionId;
    }

    private static IEnumerable<int> PartNumbers(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            yield return i;
        }
    }

    internal PayloadStoreException Failure(string operation, string bucket, string key, Exception ex)
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
