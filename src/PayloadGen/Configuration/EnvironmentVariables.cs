using System.Collections.Generic;

namespace PayloadGen;

/// <summary>
/// The environment variables PayloadGen reads, in one place. Only <see cref="ClaimCheckEnvironment"/> reads them,
/// once, when a runtime's options are created; nothing else in PayloadGen looks at the environment.
/// </summary>
public static class EnvironmentVariables
{
    /// <summary>The bucket offloaded payloads are written to.</summary>
    public const string Bucket = "PAYLOADGEN_BUCKET";

    /// <summary>The key prefix of every object written and followed.</summary>
    public const string KeyPrefix = "PAYLOADGEN_KEY_PREFIX";

    /// <summary>Comma-separated further buckets that pointers may name.</summary>
    public const string AllowedBuckets = "PAYLOADGEN_ALLOWED_BUCKETS";

    /// <summary>Largest payload read from the store, in bytes.</summary>
    public const string MaxPayloadBytes = "PAYLOADGEN_MAX_PAYLOAD_BYTES";

    /// <summary>Largest item of an <c>IAsyncEnumerable&lt;T&gt;</c> request, in bytes of JSON.</summary>
    public const string MaxItemBytes = "PAYLOADGEN_MAX_ITEM_BYTES";

    /// <summary>Largest payload sent inline, in bytes.</summary>
    public const string InlineThresholdBytes = "PAYLOADGEN_INLINE_THRESHOLD_BYTES";

    /// <summary><c>s3</c> or <c>file:&lt;dir&gt;</c>.</summary>
    public const string Store = "PAYLOADGEN_STORE";

    /// <summary>The account id that must own the bucket.</summary>
    public const string ExpectedBucketOwner = "PAYLOADGEN_EXPECTED_BUCKET_OWNER";

    /// <summary><c>false</c> disables aws-chunked uploads for S3-compatible servers that do not decode them.</summary>
    public const string S3ChunkedEncoding = "PAYLOADGEN_S3_CHUNKED_ENCODING";

    /// <summary>Milliseconds before the Lambda deadline at which the handler's token is cancelled.</summary>
    public const string DeadlineMarginMs = "PAYLOADGEN_DEADLINE_MARGIN_MS";

    /// <summary>The ARN of a role in another account to assume through STS for every S3 call.</summary>
    public const string RoleArn = "PAYLOADGEN_ROLE_ARN";

    /// <summary>The external id the assumed role's trust policy requires.</summary>
    public const string RoleExternalId = "PAYLOADGEN_ROLE_EXTERNAL_ID";

    /// <summary>The role session name (default <c>payloadgen</c>).</summary>
    public const string RoleSessionName = "PAYLOADGEN_ROLE_SESSION_NAME";

    /// <summary>The assumed role's session length in seconds, 900 to 3600 (default 3600).</summary>
    public const string RoleDurationSeconds = "PAYLOADGEN_ROLE_DURATION_SECONDS";

    /// <summary><c>true</c> deletes a queue record's stored payload after the handler succeeded.</summary>
    public const string DeleteAfterProcessing = "PAYLOADGEN_DELETE_AFTER_PROCESSING";

    /// <summary>Seconds a presigned GET URL in an offloaded response's pointer stays valid; unset writes none.</summary>
    public const string PresignSeconds = "PAYLOADGEN_PRESIGN_SECONDS";

    /// <summary>Server-side encryption of offloaded objects: <c>AES256</c> (SSE-S3) or <c>aws:kms</c> (SSE-KMS).</summary>
    public const string ServerSideEncryption = "PAYLOADGEN_SSE";

    /// <summary>The KMS key of <c>aws:kms</c> encryption: key id, key ARN, alias name or alias ARN.</summary>
    public const string KmsKeyId = "PAYLOADGEN_KMS_KEY_ID";

    /// <summary><c>false</c> turns the S3 Bucket Key of <c>aws:kms</c> encryption off (it is on by default).</summary>
    public const string S3BucketKey = "PAYLOADGEN_S3_BUCKET_KEY";

    /// <summary>The storage class of offloaded objects, as S3 spells it (<c>STANDARD_IA</c>, <c>INTELLIGENT_TIERING</c>…).</summary>
    public const string StorageClass = "PAYLOADGEN_STORAGE_CLASS";

    /// <summary>Tags added to every offloaded object besides PayloadGen's own: <c>key=value,key2=value2</c>.</summary>
    public const string Tags = "PAYLOADGEN_TAGS";

    /// <summary><c>false</c> writes objects without any tag (for roles without <c>s3:PutObjectTagging</c>).</summary>
    public const string TagObjects = "PAYLOADGEN_TAG_OBJECTS";

    /// <summary>The AWS SDK's S3 endpoint override, read for <see cref="ClaimCheckOptions.S3ServiceUrl"/>.</summary>
    public const string AwsEndpointUrlS3 = "AWS_ENDPOINT_URL_S3";

    /// <summary>The AWS SDK's endpoint override for every service; S3's own override wins.</summary>
    public const string AwsEndpointUrl = "AWS_ENDPOINT_URL";

    /// <summary>The region, read to sign requests to an overridden S3 endpoint (<see cref="ClaimCheckOptions.S3SigningRegion"/>).</summary>
    public const string AwsRegion = "AWS_REGION";

    /// <summary>The region older tools set; <see cref="AwsRegion"/> wins.</summary>
    public const string AwsDefaultRegion = "AWS_DEFAULT_REGION";

    /// <summary>How an HTTP handler answers when its body was stored: <c>303</c> (default), <c>307</c> or <c>json</c>.</summary>
    public const string HttpAnswer = "PAYLOADGEN_HTTP_ANSWER";
    /// <summary>
    /// Every <c>PAYLOADGEN_*</c> variable above. A variable of that prefix that is not listed here is a typo (or a
    /// setting of another version) and is reported at start-up rather than silently ignored; add new ones here.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Bucket, KeyPrefix, AllowedBuckets, MaxPayloadBytes, MaxItemBytes, InlineThresholdBytes, Store, ExpectedBucketOwner,
        S3ChunkedEncoding, DeadlineMarginMs, RoleArn, RoleExternalId, RoleSessionName, RoleDurationSeconds,
        DeleteAfterProcessing, PresignSeconds, HttpAnswer, ServerSideEncryption, KmsKeyId, S3BucketKey, StorageClass, Tags, TagObjects,
    ];
}
