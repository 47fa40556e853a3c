using System;
using System.Collections.Generic;

namespace PayloadGen;

/// <summary>
/// Everything PayloadGen needs to know at run time. <see cref="FromEnvironment()"/> reads the <c>PAYLOADGEN_*</c>
/// variables (the Lambda way); code may then override any property, and <c>[ClaimCheck]</c> overrides the inline
/// threshold per handler.
/// </summary>
/// <remarks>
/// <para>
/// Options are values: a runtime freezes the instance it is created with (<see cref="MakeReadOnly"/>, as
/// System.Text.Json does with <c>JsonSerializerOptions</c>), and from then on every setter, and every change to
/// <see cref="AllowedBuckets"/>, throws <see cref="InvalidOperationException"/>. A prefix, allow-list or bucket that
/// changed under a running function would write objects its own reads refuse, or accept pointers it should not.
/// To run with other options, create another runtime from new options.
/// </para>
/// <para>
/// Adding an option: a constant in <see cref="EnvironmentVariables"/>, a property here whose setter goes through
/// <c>Set</c> (so it freezes with the rest), one line in <see cref="ClaimCheckEnvironment"/> (the only reader of the
/// environment, which names the variable in every error), its cross-checks in <see cref="Validate"/>, and a row in
/// the README's Configuration table.
/// </para>
/// </remarks>
public sealed class ClaimCheckOptions
{
    /// <summary>The default key prefix: every object PayloadGen writes, and every key it follows, is under it.</summary>
    public const string DefaultKeyPrefix = "payloadgen/";

    /// <summary>
    /// The spelling of "no prefix: the whole bucket" for <see cref="KeyPrefix"/> and <c>PAYLOADGEN_KEY_PREFIX</c>.
    /// An empty or blank value is refused instead, so a stray space or an unset template parameter can never
    /// widen reads to every key of the bucket.
    /// </summary>
    public const string WholeBucketKeyPrefix = "/";

    /// <summary>The default <see cref="Store"/>: S3.</summary>
    public const string S3Store = "s3";

    /// <summary>The start of a <see cref="Store"/> that selects the embedded file store: <c>file:&lt;dir&gt;</c>.</summary>
    public const string FileStorePrefix = "file:";

    private string? _bucket;
    private string _keyPrefix = DefaultKeyPrefix;
    private long _maxPayloadBytes = PayloadLimits.DefaultMaxPayloadBytes;
    private long _maxItemBytes = PayloadLimits.DefaultMaxItemBytes;
    private long? _inlineThresholdBytes;
    private string _store = S3Store;
    private string? _expectedBucketOwner;
    private string? _roleArn;
    private string? _roleExternalId;
    private string _roleSessionName = AssumeRoleSettings.DefaultSessionName;
    private int _roleDurationSeconds = AssumeRoleSettings.MaxChainedDurationSeconds;
    private bool _s3ChunkedEncoding = true;
    private string? _s3ServiceUrl;
    private string _s3SigningRegion = DefaultS3SigningRegion;
    private TimeSpan _deadlineMargin = TimeSpan.FromMilliseconds(500);
    private TimeSpan? _presignedUrlLifetime;
    private bool _deletePayloadAfterProcessing;
    private HttpOffloadAnswer _httpAnswer = HttpOffloadAnswer.SeeOther;
    private IClaimCheckObserver? _observer;
    private PayloadEncryption _serverSideEncryption;
    private string? _kmsKeyId;
    private bool _s3BucketKeyEnabled = true;
    private string? _storageClass;
    private bool _tagObjects = true;
    private bool _isReadOnly;

    /// <summary>The region an S3-compatible endpoint is signed for when <c>AWS_REGION</c> is unset.</summary>
    public const string DefaultS3SigningRegion = "us-east-1";

    /// <summary>Creates options with every default.</summary>
    public ClaimCheckOptions()
    {
        AllowedBuckets = new FreezableList<string>(() => _isReadOnly);
        ObjectTags = new FreezableList<KeyValuePair<string, string>>(() => _isReadOnly);
    }

    /// <summary>Whether the options are frozen: a runtime uses them, and every setter throws.</summary>
    public bool IsReadOnly => _isReadOnly;

    /// <summary>The bucket offloaded payloads are written to (<c>PAYLOADGEN_BUCKET</c>); always allowed for reads.</summary>
    public string? Bucket { get => _bucket; set => Set(ref _bucket, value); }

    /// <summary>
    /// The key prefix for writes and reads (<c>PAYLOADGEN_KEY_PREFIX</c>, default <c>payloadgen/</c>). It is a path
    /// segment: <c>payloadgen</c> means <c>payloadgen/</c>, so it never also admits <c>payloadgen-evil/…</c>.
    /// <see cref="WholeBucketKeyPrefix"/> (<c>/</c>) means no prefix and reads back as the empty string.
    /// </summary>
    /// <exception cref="ClaimCheckConfigurationException">The value is empty or blank.</exception>
    public string KeyPrefix { get => _keyPrefix; set => Set(ref _keyPrefix, NormalizeKeyPrefix(value)); }

    /// <summary>Further buckets pointers may name (<c>PAYLOADGEN_ALLOWED_BUCKETS</c>, comma-separated).</summary>
    public IList<string> AllowedBuckets { get; }

    /// <summary>Largest payload that will be read from the store (<c>PAYLOADGEN_MAX_PAYLOAD_BYTES</c>, default 256 MiB).</summary>
    public long MaxPayloadBytes { get => _maxPayloadBytes; set => Set(ref _maxPayloadBytes, value); }

    /// <summary>
    /// Largest item of an <c>IAsyncEnumerable&lt;T&gt;</c> request, in bytes of JSON read for it
    /// (<c>PAYLOADGEN_MAX_ITEM_BYTES</c>, default 64 MiB). A streamed request holds one item at a time, but that item
    /// whole (System.Text.Json buffers a string or number token entirely): without this cap, one item as large as
    /// <see cref="MaxPayloadBytes"/> would undo the streaming.
    /// </summary>
    public long MaxItemBytes { get => _maxItemBytes; set => Set(ref _maxItemBytes, value); }

    /// <summary>
    /// Largest response returned inline (<c>PAYLOADGEN_INLINE_THRESHOLD_BYTES</c>); <see langword="null"/> takes the
    /// source's default, <see cref="PayloadLimits.DefaultInlineThreshold"/>.
    /// </summary>
    public long? InlineThresholdBytes { get => _inlineThresholdBytes; set => Set(ref _inlineThresholdBytes, value); }

    /// <summary>
    /// Which store to use (<c>PAYLOADGEN_STORE</c>): <c>s3</c> (default) or <c>file:&lt;dir&gt;</c> for the embedded
    /// local store.
    /// </summary>
    public string Store { get => _store; set => Set(ref _store, value ?? throw new ArgumentNullException(nameof(value))); }

    /// <summary>
    /// The account that must own the bucket (<c>PAYLOADGEN_EXPECTED_BUCKET_OWNER</c>); when unset and a role is
    /// configured, the role's account (see <see cref="EffectiveExpectedBucketOwner"/>).
    /// </summary>
    public string? ExpectedBucketOwner { get => _expectedBucketOwner; set => Set(ref _expectedBucketOwner, value); }

    /// <summary>
    /// A role, usually in another account, that PayloadGen assumes through STS for its S3 calls
    /// (<c>PAYLOADGEN_ROLE_ARN</c>), so large payloads can be written to that account's bucket.
    /// </summary>
    public string? RoleArn { get => _roleArn; set => Set(ref _roleArn, value); }

    /// <summary>The external id the role's trust policy requires (<c>PAYLOADGEN_ROLE_EXTERNAL_ID</c>).</summary>
    public string? RoleExternalId { get => _roleExternalId; set => Set(ref _roleExternalId, value); }

    /// <summary>The role session name (<c>PAYLOADGEN_ROLE_SESSION_NAME</c>, default <c>payloadgen</c>).</summary>
    public string RoleSessionName { get => _roleSessionName; set => Set(ref _roleSessionName, value ?? throw new ArgumentNullException(nameof(value))); }

    /// <summary>
    /// The role session length in seconds (<c>PAYLOADGEN_ROLE_DURATION_SECONDS</c>, default and maximum 3600, the
    /// role-chaining cap that applies from Lambda; minimum 900).
    /// </summary>
    public int RoleDurationSeconds { get => _roleDurationSeconds; set => Set(ref _roleDurationSeconds, value); }

    /// <summary>
    /// The bucket owner sent with every S3 request: <see cref="ExpectedBucketOwner"/>, or else the account of
    /// <see cref="RoleArn"/>, whose bucket a cross-account writer targets.
    /// </summary>
    public string? EffectiveExpectedBucketOwner => ExpectedBucketOwner ?? AssumeRoleSettings.AccountIdOf(RoleArn);

    /// <summary>The role to assume as <see cref="AssumeRoleSettings"/>, or <see langword="null"/> when none is configured.</summary>
    public AssumeRoleSettings? AssumeRole => RoleArn is null
        ? null
        : new AssumeRoleSettings { RoleArn = RoleArn, ExternalId = RoleExternalId, SessionName = RoleSessionName, DurationSeconds = RoleDurationSeconds };

    /// <summary>
    /// Whether S3 uploads use aws-chunked encoding (<c>PAYLOADGEN_S3_CHUNKED_ENCODING</c>; default true, false when
    /// <see cref="S3ServiceUrl"/> points elsewhere). False suits S3-compatible servers that do not decode it, such as
    /// s3rver.
    /// </summary>
    public bool S3ChunkedEncoding { get => _s3ChunkedEncoding; set => Set(ref _s3ChunkedEncoding, value); }

    /// <summary>
    /// An S3-compatible endpoint (<c>AWS_ENDPOINT_URL_S3</c>, else <c>AWS_ENDPOINT_URL</c>), addressed path-style and
    /// signed for <see cref="S3SigningRegion"/>; <see langword="null"/> uses AWS S3 as the SDK resolves it.
    /// </summary>
    public string? S3ServiceUrl { get => _s3ServiceUrl; set => Set(ref _s3ServiceUrl, value); }

    /// <summary>
    /// The region requests to <see cref="S3ServiceUrl"/> are signed for (<c>AWS_REGION</c>, else
    /// <c>AWS_DEFAULT_REGION</c>, else <c>us-east-1</c>). Without an endpoint the SDK resolves the region itself.
    /// </summary>
    public string S3SigningRegion { get => _s3SigningRegion; set => Set(ref _s3SigningRegion, value ?? throw new ArgumentNullException(nameof(value))); }

    /// <summary>
    /// Server-side encryption of every object written to S3 (<c>PAYLOADGEN_SSE</c>: <c>AES256</c> or <c>aws:kms</c>);
    /// by default none is requested and the bucket's default encryption applies. Sent on single-part uploads and on
    /// the start of multipart uploads alike.
    /// </summary>
    public PayloadEncryption ServerSideEncryption { get => _serverSideEncryption; set => Set(ref _serverSideEncryption, value); }

    /// <summary>
    /// The KMS key of <see cref="PayloadEncryption.Kms"/> (<c>PAYLOADGEN_KMS_KEY_ID</c>: key id, key ARN, alias name or
    /// alias ARN; use the key ARN for a bucket or key in another account); the account's <c>aws/s3</c> key when unset.
    /// </summary>
    public string? KmsKeyId { get => _kmsKeyId; set => Set(ref _kmsKeyId, value); }

    /// <summary>
    /// Whether SSE-KMS uses an S3 Bucket Key (<c>PAYLOADGEN_S3_BUCKET_KEY</c>, default true), which cuts KMS
    /// requests by up to 99 %; the header is sent either way, so the bucket's own setting does not decide.
    /// </summary>
    public bool S3BucketKeyEnabled { get => _s3BucketKeyEnabled; set => Set(ref _s3BucketKeyEnabled, value); }

    /// <summary>
    /// The storage class of every object written (<c>PAYLOADGEN_STORAGE_CLASS</c>, one of the SDK's
    /// <c>S3StorageClass</c> values such as <c>STANDARD_IA</c> or <c>INTELLIGENT_TIERING</c>; not the archive classes,
    /// whose objects cannot be read without a restore); the bucket's default when unset.
    /// </summary>
    public string? StorageClass { get => _storageClass; set => Set(ref _storageClass, value); }

    /// <summary>
    /// Tags put on every object besides PayloadGen's own <c>payloadgen=1</c>, <c>payloadgen-direction</c> and
    /// <c>payloadgen-source</c> (<c>PAYLOADGEN_TAGS=key=value,key2=value2</c>): at most seven, each key 1–128 and each
    /// value 0–256 letters, digits, spaces and <c>+ - = . _ : / @</c>.
    /// </summary>
    public IList<KeyValuePair<string, string>> ObjectTags { get; }

    /// <summary>
    /// Whether objects are tagged at all (<c>PAYLOADGEN_TAG_OBJECTS</c>, default true). Tagging on upload needs
    /// <c>s3:PutObjectTagging</c>; turn it off for a role that may only <c>s3:PutObject</c>.
    /// </summary>
    public bool TagObjects { get => _tagObjects; set => Set(ref _tagObjects, value); }

    /// <summary>
    /// How long before the Lambda deadline the handler's <see cref="System.Threading.CancellationToken"/> is
    /// cancelled (<c>PAYLOADGEN_DEADLINE_MARGIN_MS</c>, default 500 ms), leaving time to fail cleanly.
    /// </summary>
    public TimeSpan DeadlineMargin { get => _deadlineMargin; set => Set(ref _deadlineMargin, value); }

    /// <summary>
    /// When set (<c>PAYLOADGEN_PRESIGN_SECONDS</c>), an offloaded response's pointer also carries a presigned GET URL
    /// valid this long, so callers without PayloadGen can fetch it. Presigned URLs are bearer tokens: keep the
    /// lifetime short. Between 1 second and 7 days (S3's maximum for SigV4).
    /// </summary>
    public TimeSpan? PresignedUrlLifetime { get => _presignedUrlLifetime; set => Set(ref _presignedUrlLifetime, value); }

    /// <summary>
    /// How an HTTP handler answers when its response body was stored (<c>PAYLOADGEN_HTTP_ANSWER</c>: <c>303</c>, the
    /// default, <c>307</c> or <c>json</c>); <c>[ClaimCheck(HttpAnswer = …)]</c> overrides it per handler.
    /// </summary>
    public HttpOffloadAnswer HttpAnswer { get => _httpAnswer; set => Set(ref _httpAnswer, value); }

    /// <summary>
    /// Queue and topic handlers delete a record's stored payload once the handler has succeeded
    /// (<c>PAYLOADGEN_DELETE_AFTER_PROCESSING</c>, default false); <see cref="ClaimCheckBatchOptions.DeletePayloadAfterProcessing"/>
    /// overrides it per handler. Only objects whose SHA-256 the message carried are ever deleted.
    /// </summary>
    public bool DeletePayloadAfterProcessing { get => _deletePayloadAfterProcessing; set => Set(ref _deletePayloadAfterProcessing, value); }

    /// <summary>
    /// Receives an event for every payload hydrated or dehydrated and every failed queue record (for logs and
    /// metrics). Set it before the runtime is created; an observer that must be switched on and off later keeps
    /// that switch itself.
    /// </summary>
    public IClaimCheckObserver? Observer { get => _observer; set => Set(ref _observer, value); }

    /// <summary>The buckets pointers may name: <see cref="Bucket"/> and <see cref="AllowedBuckets"/>.</summary>
    public IEnumerable<string> EffectiveAllowedBuckets
    {
        get
        {
            if (!string.IsNullOrEmpty(Bucket))
            {
                yield return Bucket;
            }

            foreach (string bucket in AllowedBuckets)
            {
                yield return bucket;
            }
        }
    }

    /// <summary>
    /// Reads the options from the process environment (see <see cref="ClaimCheckEnvironment"/>), and warns on standard
    /// error about any <c>PAYLOADGEN_*</c> variable it does not know (a misspelt name would otherwise be ignored).
    /// </summary>
    /// <exception cref="ClaimCheckConfigurationException">A variable holds a value that cannot be used; the message names it.</exception>
    public static ClaimCheckOptions FromEnvironment()
    {
        ClaimCheckOptions options = ClaimCheckEnvironment.Read(Environment.GetEnvironmentVariable);
        ClaimCheckEnvironment.WarnAboutUnknownVariables();
        return options;
    }

    /// <summary>Reads the options through <paramref name="variable"/>, a lookup of environment variables.</summary>
    /// <exception cref="ClaimCheckConfigurationException">A variable holds a value that cannot be used; the message names it.</exception>
    public static ClaimCheckOptions FromEnvironment(Func<string, string?> variable) => ClaimCheckEnvironment.Read(variable);

    /// <summary>
    /// Freezes the options: from now on every setter throws <see cref="InvalidOperationException"/>. A runtime calls
    /// it when it is created; calling it again does nothing.
    /// </summary>
    public void MakeReadOnly() => _isReadOnly = true;

    /// <summary>Checks that the options can work together; called when a runtime is built from them.</summary>
    /// <exception cref="ClaimCheckConfigurationException">They cannot; the message names the variable and the property.</exception>
    public void Validate()
    {
        if (MaxPayloadBytes <= 0)
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.MaxPayloadBytes, nameof(MaxPayloadBytes))} must be positive, not {MaxPayloadBytes}.");
        }

        if (MaxItemBytes <= 0)
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.MaxItemBytes, nameof(MaxItemBytes))} must be positive, not {MaxItemBytes}.");
        }

        if (PresignedUrlLifetime is TimeSpan lifetime && (lifetime < TimeSpan.FromSeconds(1) || lifetime > TimeSpan.FromDays(7)))
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.PresignSeconds, nameof(PresignedUrlLifetime))} must be between 1 and 604800 seconds (7 days, S3's limit for presigned URLs).");
        }

        if (HttpAnswer is not (HttpOffloadAnswer.SeeOther or HttpOffloadAnswer.TemporaryRedirect or HttpOffloadAnswer.Json))
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.HttpAnswer, nameof(HttpAnswer))} must be SeeOther (303), TemporaryRedirect (307) or Json, not {HttpAnswer}.");
        }

        if (InlineThresholdBytes is <= 0)
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.InlineThresholdBytes, nameof(InlineThresholdBytes))} must be positive, not {InlineThresholdBytes}.");
        }

        if (DeadlineMargin < TimeSpan.Zero)
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.DeadlineMarginMs, nameof(DeadlineMargin))} must not be negative.");
        }

        // Checked on a key as PayloadGen writes it, so a prefix too long for S3's 1,024-byte keys fails here, not at
        // the first offload.
        if (ObjectKeys.Problem(KeyPrefix + ObjectKeys.ExampleSuffix) is string problem)
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.KeyPrefix, nameof(KeyPrefix))} '{UntrustedName.Render(KeyPrefix)}' cannot start a valid key: {problem}");
        }

        if (StoreProblem(Store) is string storeProblem)
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.Store, nameof(Store))} {storeProblem}");
        }

        if (ExpectedBucketOwner is not null && !AssumeRoleSettings.IsAccountId(ExpectedBucketOwner))
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.ExpectedBucketOwner, nameof(ExpectedBucketOwner))} must be a 12-digit AWS account id, not '{UntrustedName.Render(ExpectedBucketOwner)}'.");
        }

        if (S3ServiceUrl is not null
            && !(Uri.TryCreate(S3ServiceUrl, UriKind.Absolute, out Uri? endpoint) && (endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp)))
        {
            throw new ClaimCheckConfigurationException($"{Name(EnvironmentVariables.AwsEndpointUrlS3, nameof(S3ServiceUrl))} must be an absolute http(s) URL, not '{UntrustedName.Render(S3ServiceUrl)}'.");
        }

        if (ObjectSettings.FindProblem() is (string setting, string settingProblem))
        {
            throw new ClaimCheckConfigurationException($"{ObjectSettingName(setting)} {settingProblem}");
        }

        if (AssumeRole is AssumeRoleSettings role)
        {
            role.Validate();
        }
        else if (RoleExternalId is not null)
        {
            throw new ClaimCheckConfigurationException($"{EnvironmentVariables.RoleExternalId} is set but {EnvironmentVariables.RoleArn} is not; set the role to assume.");
        }
    }

    /// <summary>How the S3 store writes objects: encryption, storage class and tags.</summary>
    internal S3ObjectSettings ObjectSettings => new()
    {
        Encryption = ServerSideEncryption,
        KmsKeyId = KmsKeyId,
        BucketKeyEnabled = S3BucketKeyEnabled,
        StorageClass = StorageClass is null ? null : S3StorageClasses.Find(StorageClass)?.Value ?? StorageClass,
        TagObjects = TagObjects,
        Tags = [.. ObjectTags],
    };

    /// <summary>The directory of a <c>file:&lt;dir&gt;</c> store, or <see langword="null"/> for S3.</summary>
    internal string? FileStoreDirectory
        => Store.StartsWith(FileStorePrefix, StringComparison.OrdinalIgnoreCase) ? Store.Substring(FileStorePrefix.Length) : null;

    internal static InvalidOperationException FrozenError()
        => new("These ClaimCheckOptions are in use by a ClaimCheckRuntime and can no longer change (a prefix or allow-list that moved under a running function would refuse its own objects or accept foreign ones). Create a new ClaimCheckOptions and a new runtime instead.");

    private static string Name(string variable, string property) => $"{variable} (ClaimCheckOptions.{property})";

    private static string ObjectSettingName(string setting) => setting switch
    {
        nameof(S3ObjectSettings.Encryption) => Name(EnvironmentVariables.ServerSideEncryption, nameof(ServerSideEncryption)),
        nameof(S3ObjectSettings.KmsKeyId) => Name(EnvironmentVariables.KmsKeyId, nameof(KmsKeyId)),
        nameof(S3ObjectSettings.StorageClass) => Name(EnvironmentVariables.StorageClass, nameof(StorageClass)),
        _ => Name(EnvironmentVariables.Tags, nameof(ObjectTags)),
    };

    private void Set<T>(ref T field, T value)
    {
        if (_isReadOnly)
        {
            throw FrozenError();
        }

        field = value;
    }

    private static string NormalizeKeyPrefix(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value == WholeBucketKeyPrefix)
        {
            return string.Empty;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ClaimCheckConfigurationException(
                $"{Name(EnvironmentVariables.KeyPrefix, nameof(KeyPrefix))} is blank. Leave it unset for the default '{DefaultKeyPrefix}', or set it to '{WholeBucketKeyPrefix}' to follow pointers to any key of the allowed buckets.");
        }

        // A prefix is a path segment: 'payloadgen' must not also admit 'payloadgen-evil/…'.
        return value.EndsWith('/') ? value : value + "/";
    }

    private static string? StoreProblem(string store)
    {
        if (string.Equals(store, S3Store, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (store.StartsWith(FileStorePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return store.Length > FileStorePrefix.Length ? null : "file:<dir> needs a folder, such as file:/tmp/payloads.";
        }

        return $"must be 's3' or 'file:<dir>', not '{UntrustedName.Render(store)}'.";
    }
}
