using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;

namespace PayloadGen;

/// <summary>
/// How every offloaded object is stored: server-side encryption, storage class and tags. The same settings go on a
/// single-part <c>PutObject</c>, on <c>CreateMultipartUpload</c>, and (through <see cref="UploadHeaders"/>) on a
/// presigned upload, so no path writes an object that misses them.
/// </summary>
public sealed partial class S3ObjectSettings
{
    /// <summary>S3's header for the encryption method.</summary>
    public const string EncryptionHeader = "x-amz-server-side-encryption";

    /// <summary>S3's header for the KMS key of SSE-KMS.</summary>
    public const string KmsKeyIdHeader = "x-amz-server-side-encryption-aws-kms-key-id";

    /// <summary>S3's header that turns the S3 Bucket Key of SSE-KMS on or off.</summary>
    public const string BucketKeyHeader = "x-amz-server-side-encryption-bucket-key-enabled";

    /// <summary>S3's header for the storage class.</summary>
    public const string StorageClassHeader = "x-amz-storage-class";

    /// <summary>S3's header for the object's tags (URL-encoded <c>key=value&amp;…</c>).</summary>
    public const string TaggingHeader = "x-amz-tagging";

    /// <summary>The settings without any option: PayloadGen's tags only, everything else the bucket's defaults.</summary>
    public static S3ObjectSettings Default { get; } = new();

    /// <summary>The server-side encryption requested on every write; the bucket's default when left alone.</summary>
    public PayloadEncryption Encryption { get; init; }

    /// <summary>The KMS key of <see cref="PayloadEncryption.Kms"/> (key id, key ARN, alias name or alias ARN); the account's <c>aws/s3</c> key when <see langword="null"/>.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>
    /// Whether SSE-KMS uses an S3 Bucket Key (default <see langword="true"/>): S3 asks KMS for a bucket-level key now
    /// and then instead of a data key per object, which cuts KMS requests (and their cost and throttling) by up to 99 %.
    /// </summary>
    public bool BucketKeyEnabled { get; init; } = true;

    /// <summary>The storage class of every object, as S3 spells it (<c>STANDARD_IA</c>…); the bucket's default when <see langword="null"/>.</summary>
    public string? StorageClass { get; init; }

    /// <summary>
    /// Whether objects are tagged at all (default <see langword="true"/>). Tagging on upload needs
    /// <c>s3:PutObjectTagging</c> besides <c>s3:PutObject</c>; a role that lacks it cannot write tagged objects.
    /// </summary>
    public bool TagObjects { get; init; } = true;

    /// <summary>The user's tags, added to PayloadGen's own (at most seven: S3 allows ten per object).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>
    /// The headers an upload of an object described by <paramref name="description"/> must carry, by name (those
    /// of them that apply): a presigned PUT must be signed with them and the uploader must send them as they are.
    /// </summary>
    public IReadOnlyDictionary<string, string> UploadHeaders(PayloadDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (EncryptionMethod() is ServerSideEncryptionMethod method)
        {
            headers.Add(EncryptionHeader, method.Value);
        }

        if (Encryption == PayloadEncryption.Kms)
        {
            if (KmsKeyId is not null)
            {
                headers.Add(KmsKeyIdHeader, KmsKeyId);
            }

            headers.Add(BucketKeyHeader, BucketKeyEnabled ? "true" : "false");
        }

        if (StorageClass is not null)
        {
            headers.Add(StorageClassHeader, StorageClass);
        }

        if (TagObjects)
        {
            headers.Add(TaggingHeader, string.Join('&', AllTags(description).Select(tag => Uri.EscapeDataString(tag.Key) + "=" + Uri.EscapeDataString(tag.Value))));
        }

        return headers;
    }

    /// <summary>Puts the settings on a single-part upload.</summary>
    internal void ApplyTo(PutObjectRequest request, PayloadDescription description)
    {
        request.ServerSideEncryptionMethod = EncryptionMethod();
        request.ServerSideEncryptionKeyManagementServiceKeyId = Encryption == PayloadEncryption.Kms ? KmsKeyId : null;
        request.BucketKeyEnabled = Encryption == PayloadEncryption.Kms ? BucketKeyEnabled : null;
        request.StorageClass = StorageClass is null ? null : S3StorageClass.FindValue(StorageClass);
        request.TagSet = TagSet(description);
    }

    /// <summary>Puts the settings on the start of a multipart upload, where S3 takes them for the whole object.</summary>
    internal void ApplyTo(InitiateMultipartUploadRequest request, PayloadDescription description)
    {
        request.ServerSideEncryptionMethod = EncryptionMethod();
        request.ServerSideEncryptionKeyManagementServiceKeyId = Encryption == PayloadEncryption.Kms ? KmsKeyId : null;
        request.BucketKeyEnabled = Encryption == PayloadEncryption.Kms ? BucketKeyEnabled : null;
        request.StorageClass = StorageClass is null ? null : S3StorageClass.FindValue(StorageClass);
        request.TagSet = TagSet(description);
    }

    /// <summary>
    /// Binds the settings into a presigned PUT's signature: the uploader must then send <see cref="UploadHeaders"/>
    /// as they are, or S3 refuses the upload, so an object uploaded through the URL cannot skip them.
    /// </summary>
    public void ApplyTo(GetPreSignedUrlRequest request, PayloadDescription description)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach ((string name, string value) in UploadHeaders(description))
        {
            request.Headers[name] = value;
        }
    }

    /// <summary>The first setting that cannot work and why, or <see langword="null"/>.</summary>
    /// <returns>The property's name and the problem, worded to follow the name of the setting.</returns>
    internal (string Property, string Problem)? FindProblem()
    {
        if (!Enum.IsDefined(Encryption))
        {
            return (nameof(Encryption), $"is not a known encryption ({Encryption}).");
        }

        if (KmsKeyId is not null)
        {
            if (Encryption != PayloadEncryption.Kms)
            {
                return (nameof(KmsKeyId), $"is set, but the encryption is not aws:kms; set {EnvironmentVariables.ServerSideEncryption}=aws:kms (ClaimCheckOptions.ServerSideEncryption = PayloadEncryption.Kms).");
            }

            if (!KmsKeyIdPattern().IsMatch(KmsKeyId))
            {
                return (nameof(KmsKeyId), $"must be a KMS key id, key ARN, alias name (alias/…) or alias ARN, not '{UntrustedName.Render(KmsKeyId)}'.");
            }
        }

        if (StorageClass is not null)
        {
            if (S3StorageClasses.Find(StorageClass) is not S3StorageClass storageClass)
            {
                return (nameof(StorageClass), $"must be one of {string.Join(", ", S3StorageClasses.Names)}, not '{UntrustedName.Render(StorageClass)}'.");
            }

            if (S3StorageClasses.Problem(storageClass) is string problem)
            {
                return (nameof(StorageClass), problem);
            }
        }

        return ObjectTagging.Problem(Tags.ToList()) is string tagProblem ? (nameof(Tags), tagProblem) : null;
    }

    private ServerSideEncryptionMethod? EncryptionMethod() => Encryption switch
    {
        PayloadEncryption.S3Managed => ServerSideEncryptionMethod.AES256,
        PayloadEncryption.Kms => ServerSideEncryptionMethod.AWSKMS,
        _ => null,
    };

    private List<Tag>? TagSet(PayloadDescription description)
        => TagObjects ? AllTags(description).Select(tag => new Tag { Key = tag.Key, Value = tag.Value }).ToList() : null;

    private IEnumerable<KeyValuePair<string, string>> AllTags(PayloadDescription description) => ObjectTagging.For(description).Concat(Tags);

    // Key id (a UUID, or mrk-… for a multi-Region key), key ARN, alias name or alias ARN.
    [GeneratedRegex(@"^(?:(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key/)?(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})|(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:)?alias/[A-Za-z0-9/_-]{1,250})$", RegexOptions.CultureInvariant)]
    private static partial Regex KmsKeyIdPattern();
}
