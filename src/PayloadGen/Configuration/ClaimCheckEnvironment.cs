using System;
using System.Collections;
using System.Collections.Generic;

namespace PayloadGen;

/// <summary>
/// The one reader of PayloadGen's environment: every variable PayloadGen understands is read here, once, into a
/// <see cref="ClaimCheckOptions"/>, and checked before the options are returned. Nothing else in PayloadGen calls
/// <see cref="Environment.GetEnvironmentVariable(string)"/>.
/// </summary>
/// <remarks>
/// A new option is one line below (typed through <see cref="EnvironmentReader"/>, which names the variable in every
/// error), a constant in <see cref="EnvironmentVariables"/>, and a property on <see cref="ClaimCheckOptions"/>.
/// Group it with its neighbours: storage, pointers, S3 client, cross-account, handlers.
/// </remarks>
internal static class ClaimCheckEnvironment
{
    // S3's own spellings of the encryption header's values.
    private static readonly Dictionary<string, PayloadEncryption> s_encryptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AES256"] = PayloadEncryption.S3Managed,
        ["aws:kms"] = PayloadEncryption.Kms,
    };

    private static readonly Dictionary<string, HttpOffloadAnswer> s_httpAnswers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["303"] = HttpOffloadAnswer.SeeOther,
        ["307"] = HttpOffloadAnswer.TemporaryRedirect,
        ["json"] = HttpOffloadAnswer.Json,
    };

    /// <summary>Reads the options through <paramref name="lookup"/> and validates them.</summary>
    /// <exception cref="ClaimCheckConfigurationException">A variable is unusable; the message names it.</exception>
    public static ClaimCheckOptions Read(Func<string, string?> lookup)
    {
        var env = new EnvironmentReader(lookup);
        var options = new ClaimCheckOptions();

        // Storage: where offloaded payloads are written, and what a pointer may name.
        if (env.Text(EnvironmentVariables.Store) is string store)
        {
            options.Store = store;
        }

        if (env.Text(EnvironmentVariables.Bucket) is string bucket)
        {
            options.Bucket = bucket;
        }

        if (env.Raw(EnvironmentVariables.KeyPrefix) is string prefix)
        {
            // Not Text(): a blank prefix is refused by the setter (it would admit every key), not taken as unset.
            options.KeyPrefix = prefix.Trim();
        }

        foreach (string allowed in env.List(EnvironmentVariables.AllowedBuckets))
        {
            options.AllowedBuckets.Add(allowed);
        }

        if (env.PositiveInt64(EnvironmentVariables.MaxPayloadBytes, "bytes") is long max)
        {
            options.MaxPayloadBytes = max;
        }

        if (env.PositiveInt64(EnvironmentVariables.MaxItemBytes, "bytes") is long maxItem)
        {
            options.MaxItemBytes = maxItem;
        }

        if (env.PositiveInt64(EnvironmentVariables.InlineThresholdBytes, "bytes") is long threshold)
        {
            options.InlineThresholdBytes = threshold;
        }

        if (env.PositiveInt64(EnvironmentVariables.PresignSeconds, "seconds") is long presign)
        {
            options.PresignedUrlLifetime = TimeSpan.FromSeconds(presign);
        }

        // The S3 client. S3-compatible servers reached through an endpoint override often store aws-chunked framing
        // undecoded (s3rver does, silently). Without the framing the SDK hashes the seekable body up front, which
        // real S3 accepts as well, so an overridden endpoint defaults to it; the variable still decides when set.
        if ((env.Text(EnvironmentVariables.AwsEndpointUrlS3) ?? env.Text(EnvironmentVariables.AwsEndpointUrl)) is string endpoint)
        {
            options.S3ServiceUrl = endpoint;
            options.S3ChunkedEncoding = false;
        }

        if ((env.Text(EnvironmentVariables.AwsRegion) ?? env.Text(EnvironmentVariables.AwsDefaultRegion)) is string region)
        {
            options.S3SigningRegion = region;
        }

        if (env.Boolean(EnvironmentVariables.S3ChunkedEncoding) is bool chunked)
        {
            options.S3ChunkedEncoding = chunked;
        }

        if (env.Text(EnvironmentVariables.ExpectedBucketOwner) is string owner)
        {
            options.ExpectedBucketOwner = owner;
        }

        // How objects are stored: encryption, storage class, tags (S3 only; the file store has none of them).
        if (env.Choice(EnvironmentVariables.ServerSideEncryption, s_encryptions) is PayloadEncryption encryption)
        {
            options.ServerSideEncryption = encryption;
        }

        if (env.Text(EnvironmentVariables.KmsKeyId) is string kmsKeyId)
        {
            options.KmsKeyId = kmsKeyId;
        }

        if (env.Boolean(EnvironmentVariables.S3BucketKey) is bool bucketKey)
        {
            // Never silently ignored: a bucket key exists only for SSE-KMS.
            options.S3BucketKeyEnabled = options.ServerSideEncryption == PayloadEncryption.Kms
                ? bucketKey
                : throw env.Invalid(EnvironmentVariables.S3BucketKey, $"applies only with {EnvironmentVariables.ServerSideEncryption}=aws:kms");
        }

        if (env.Text(EnvironmentVariables.StorageClass) is string storageClass)
        {
            options.StorageClass = storageClass;
        }

        foreach (KeyValuePair<string, string> tag in env.Pairs(EnvironmentVariables.Tags))
        {
            options.ObjectTags.Add(tag);
        }

        if (env.Boolean(EnvironmentVariables.TagObjects) is bool tagObjects)
        {
            options.TagObjects = tagObjects;
        }

        // Cross-account access through STS.
        if (env.Text(EnvironmentVariables.RoleArn) is string roleArn)
        {
            options.RoleArn = roleArn;
        }

        if (env.Text(EnvironmentVariables.RoleExternalId) is string externalId)
        {
            options.RoleExternalId = externalId;
        }

        if (env.Text(EnvironmentVariables.RoleSessionName) is string sessionName)
        {
            options.RoleSessionName = sessionName;
        }

        // Any whole number is read: Validate() then explains the 900–3600 s range (role chaining) in full.
        if (env.Int32(EnvironmentVariables.RoleDurationSeconds, "seconds", 1, int.MaxValue) is int duration)
        {
            options.RoleDurationSeconds = duration;
        }

        // Handlers.
        if (env.PositiveInt64(EnvironmentVariables.DeadlineMarginMs, "milliseconds") is long margin)
        {
            options.DeadlineMargin = TimeSpan.FromMilliseconds(margin);
        }

        if (env.Boolean(EnvironmentVariables.DeleteAfterProcessing) is bool delete)
        {
            options.DeletePayloadAfterProcessing = delete;
        }

        // HTTP handlers: how a response whose body was stored answers.
        if (env.Choice(EnvironmentVariables.HttpAnswer, s_httpAnswers) is HttpOffloadAnswer answer)
        {
            options.HttpAnswer = answer;
        }

        options.Validate();
        return options;
    }

    /// <summary>
    /// The <c>PAYLOADGEN_*</c> names among <paramref name="names"/> that PayloadGen does not know
    /// (<see cref="EnvironmentVariables.All"/>): most often a typo, whose setting would otherwise be silently ignored.
    /// </summary>
    public static List<string> UnknownVariables(IEnumerable<string> names)
    {
        var unknown = new List<string>();
        foreach (string name in names)
        {
            if (name.StartsWith("PAYLOADGEN_", StringComparison.Ordinal) && !Contains(EnvironmentVariables.All, name))
            {
                unknown.Add(name);
            }
        }

        unknown.Sort(StringComparer.Ordinal);
        return unknown;
    }

    /// <summary>Writes a warning to standard error (the function's log) for every unknown <c>PAYLOADGEN_*</c> variable of the process.</summary>
    public static void WarnAboutUnknownVariables()
    {
        var names = new List<string>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            names.Add((string)variable.Key);
        }

        foreach (string name in UnknownVariables(names))
        {
            // A warning, not an error: the name may belong to a newer PayloadGen version deployed beside this one.
            Console.Error.WriteLine($"PayloadGen: warning: {UntrustedName.Render(name)} is not a PayloadGen setting and is ignored; the settings are {string.Join(", ", EnvironmentVariables.All)}.");
        }
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (string known in names)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
