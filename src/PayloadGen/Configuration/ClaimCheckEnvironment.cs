using System;

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

        options.Validate();
        return options;
    }
}
