using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayloadGen;

/// <summary>
/// Everything PayloadGen needs to know at run time. <see cref="FromEnvironment()"/> reads the <c>PAYLOADGEN_*</c>
/// variables (the Lambda way); code may then override any property, and <c>[ClaimCheck]</c> overrides the inline
/// threshold per handler.
/// </summary>
public sealed class ClaimCheckOptions
{
    /// <summary>The default key prefix: every object PayloadGen writes, and every key it follows, is under it.</summary>
    public const string DefaultKeyPrefix = "payloadgen/";

    /// <summary>The bucket offloaded payloads are written to (<c>PAYLOADGEN_BUCKET</c>); always allowed for reads.</summary>
    public string? Bucket { get; set; }

    /// <summary>The key prefix for writes and reads (<c>PAYLOADGEN_KEY_PREFIX</c>, default <c>payloadgen/</c>).</summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>Further buckets pointers may name (<c>PAYLOADGEN_ALLOWED_BUCKETS</c>, comma-separated).</summary>
    public IList<string> AllowedBuckets { get; } = new List<string>();

    /// <summary>Largest payload that will be read from the store (<c>PAYLOADGEN_MAX_PAYLOAD_BYTES</c>, default 256 MiB).</summary>
    public long MaxPayloadBytes { get; set; } = PayloadLimits.DefaultMaxPayloadBytes;

    /// <summary>
    /// Largest response returned inline (<c>PAYLOADGEN_INLINE_THRESHOLD_BYTES</c>); <see langword="null"/> takes the
    /// source's default, <see cref="PayloadLimits.DefaultInlineThreshold"/>.
    /// </summary>
    public long? InlineThresholdBytes { get; set; }

    /// <summary>
    /// Which store to use (<c>PAYLOADGEN_STORE</c>): <c>s3</c> (default) or <c>file:&lt;dir&gt;</c> for the embedded
    /// local store.
    /// </summary>
    public string Store { get; set; } = "s3";

    /// <summary>
    /// The account that must own the bucket (<c>PAYLOADGEN_EXPECTED_BUCKET_OWNER</c>); when unset and a role is
    /// configured, the role's account (see <see cref="EffectiveExpectedBucketOwner"/>).
    /// </summary>
    public string? ExpectedBucketOwner { get; set; }

    /// <summary>
    /// A role, usually in another account, that PayloadGen assumes through STS for its S3 calls
    /// (<c>PAYLOADGEN_ROLE_ARN</c>), so large payloads can be written to that account's bucket.
    /// </summary>
    public string? RoleArn { get; set; }

    /// <summary>The external id the role's trust policy requires (<c>PAYLOADGEN_ROLE_EXTERNAL_ID</c>).</summary>
    public string? RoleExternalId { get; set; }

    /// <summary>The role session name (<c>PAYLOADGEN_ROLE_SESSION_NAME</c>, default <c>payloadgen</c>).</summary>
    public string RoleSessionName { get; set; } = AssumeRoleSettings.DefaultSessionName;

    /// <summary>
    /// The role session length in seconds (<c>PAYLOADGEN_ROLE_DURATION_SECONDS</c>, default and maximum 3600, the
    /// role-chaining cap that applies from Lambda; minimum 900).
    /// </summary>
    public int RoleDurationSeconds { get; set; } = AssumeRoleSettings.MaxChainedDurationSeconds;

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
    /// <c>AWS_ENDPOINT_URL_S3</c> or <c>AWS_ENDPOINT_URL</c> points elsewhere). False suits S3-compatible servers
    /// that do not decode it, such as s3rver.
    /// </summary>
    public bool S3ChunkedEncoding { get; set; } = true;

    /// <summary>
    /// How long before the Lambda deadline the handler's <see cref="System.Threading.CancellationToken"/> is
    /// cancelled (<c>PAYLOADGEN_DEADLINE_MARGIN_MS</c>, default 500 ms), leaving time to fail cleanly.
    /// </summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// When set (<c>PAYLOADGEN_PRESIGN_SECONDS</c>), an offloaded response's pointer also carries a presigned GET URL
    /// valid this long, so callers without PayloadGen can fetch it. Presigned URLs are bearer tokens: keep the
    /// lifetime short. Between 1 second and 7 days (S3's maximum for SigV4).
    /// </summary>
    public TimeSpan? PresignedUrlLifetime { get; set; }

    /// <summary>
    /// How an HTTP handler answers when its response body was stored (<c>PAYLOADGEN_HTTP_ANSWER</c>: <c>303</c>, the
    /// default, <c>307</c> or <c>json</c>); <c>[ClaimCheck(HttpAnswer = …)]</c> overrides it per handler.
    /// </summary>
    public HttpOffloadAnswer HttpAnswer { get; set; } = HttpOffloadAnswer.SeeOther;

    /// <summary>Receives an event for every payload hydrated or dehydrated (for logs and metrics).</summary>
    public IClaimCheckObserver? Observer { get; set; }

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

    /// <summary>Reads the options from the process environment.</summary>
    public static ClaimCheckOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the options through <paramref name="variable"/>, a lookup of environment variables.</summary>
    /// <exception cref="ClaimCheckConfigurationException">A variable holds a value that cannot be used.</exception>
    public static ClaimCheckOptions FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var options = new ClaimCheckOptions();
        if (NonEmpty(variable(EnvironmentVariables.Bucket)) is string bucket)
        {
            options.Bucket = bucket;
        }

        if (variable(EnvironmentVariables.KeyPrefix) is string prefix)
        {
            options.KeyPrefix = prefix.Trim();
        }

        if (NonEmpty(variable(EnvironmentVariables.AllowedBuckets)) is string allowed)
        {
            foreach (string name in allowed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.AllowedBuckets.Add(name);
            }
        }

        if (NonEmpty(variable(EnvironmentVariables.MaxPayloadBytes)) is string max)
        {
            options.MaxPayloadBytes = PositiveNumber(EnvironmentVariables.MaxPayloadBytes, max);
        }

        if (NonEmpty(variable(EnvironmentVariables.InlineThresholdBytes)) is string threshold)
        {
            options.InlineThresholdBytes = PositiveNumber(EnvironmentVariables.InlineThresholdBytes, threshold);
        }

        if (NonEmpty(variable(EnvironmentVariables.Store)) is string store)
        {
            options.Store = store;
        }

        if (NonEmpty(variable(EnvironmentVariables.ExpectedBucketOwner)) is string owner)
        {
            options.ExpectedBucketOwner = owner;
        }

        if (NonEmpty(variable(EnvironmentVariables.RoleArn)) is string roleArn)
        {
            options.RoleArn = roleArn;
        }

        if (NonEmpty(variable(EnvironmentVariables.RoleExternalId)) is string externalId)
        {
            options.RoleExternalId = externalId;
        }

        if (NonEmpty(variable(EnvironmentVariables.RoleSessionName)) is string sessionName)
        {
            options.RoleSessionName = sessionName;
        }

        if (NonEmpty(variable(EnvironmentVariables.RoleDurationSeconds)) is string duration)
        {
            options.RoleDurationSeconds = int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
                ? seconds
                : throw new ClaimCheckConfigurationException($"{EnvironmentVariables.RoleDurationSeconds} must be a whole number of seconds from {AssumeRoleSettings.MinDurationSeconds} to {AssumeRoleSettings.MaxChainedDurationSeconds}, not '{duration}'.");
        }

        // S3-compatible servers reached through an endpoint override often store aws-chunked framing undecoded (s3rver
        // does, silently). Without the framing the SDK hashes the seekable body up front, which real S3 accepts as
        // well, so an overridden endpoint defaults to it; the variable below still decides when set.
        if (NonEmpty(variable("AWS_ENDPOINT_URL_S3")) is not null || NonEmpty(variable("AWS_ENDPOINT_URL")) is not null)
        {
            options.S3ChunkedEncoding = false;
        }

        if (NonEmpty(variable(EnvironmentVariables.S3ChunkedEncoding)) is string chunked)
        {
            options.S3ChunkedEncoding = chunked.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => throw new ClaimCheckConfigurationException($"{EnvironmentVariables.S3ChunkedEncoding} must be true or false, not '{chunked}'."),
            };
        }

        if (NonEmpty(variable(EnvironmentVariables.PresignSeconds)) is string presign)
        {
            options.PresignedUrlLifetime = TimeSpan.FromSeconds(PositiveNumber(EnvironmentVariables.PresignSeconds, presign));
        }

        if (NonEmpty(variable(EnvironmentVariables.HttpAnswer)) is string answer)
        {
            options.HttpAnswer = answer.ToLowerInvariant() switch
            {
                "303" => HttpOffloadAnswer.SeeOther,
                "307" => HttpOffloadAnswer.TemporaryRedirect,
                "json" => HttpOffloadAnswer.Json,
                _ => throw new ClaimCheckConfigurationException($"{EnvironmentVariables.HttpAnswer} must be 303, 307 or json, not '{answer}'."),
            };
        }

        if (NonEmpty(variable(EnvironmentVariables.DeadlineMarginMs)) is string margin)
        {
            options.DeadlineMargin = TimeSpan.FromMilliseconds(PositiveNumber(EnvironmentVariables.DeadlineMarginMs, margin));
        }

        return options;
    }

    /// <summary>Checks that the options can work together; called when a runtime is built from them.</summary>
    /// <exception cref="ClaimCheckConfigurationException">They cannot.</exception>
    public void Validate()
    {
        if (MaxPayloadBytes <= 0)
        {
            throw new ClaimCheckConfigurationException("MaxPayloadBytes must be positive.");
        }

        if (PresignedUrlLifetime is TimeSpan lifetime && (lifetime < TimeSpan.FromSeconds(1) || lifetime > TimeSpan.FromDays(7)))
        {
            throw new ClaimCheckConfigurationException($"{EnvironmentVariables.PresignSeconds} must be between 1 and 604800 seconds (7 days, S3's limit for presigned URLs).");
        }

        if (HttpAnswer is not (HttpOffloadAnswer.SeeOther or HttpOffloadAnswer.TemporaryRedirect or HttpOffloadAnswer.Json))
        {
            throw new ClaimCheckConfigurationException($"HttpAnswer must be SeeOther, TemporaryRedirect or Json, not {HttpAnswer}.");
        }

        if (InlineThresholdBytes is <= 0)
        {
            throw new ClaimCheckConfigurationException("InlineThresholdBytes must be positive.");
        }

        if (KeyPrefix.Length > 0 && ObjectKeys.Problem(KeyPrefix + "x") is string problem)
        {
            throw new ClaimCheckConfigurationException($"{EnvironmentVariables.KeyPrefix} '{KeyPrefix}' cannot start a valid key: {problem}");
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

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static long PositiveNumber(string name, string value)
        => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 0
            ? number
            : throw new ClaimCheckConfigurationException($"{name} must be a positive whole number of bytes (or milliseconds), not '{value}'.");
}
