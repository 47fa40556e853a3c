using System;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;

namespace PayloadGen;

/// <summary>
/// Creates the S3 client PayloadGen uses when none is injected: the AWS SDK's own configuration (credentials
/// chain, <c>AWS_REGION</c>), plus an endpoint override for S3-compatible servers, and the credentials of an
/// assumed role when one is configured.
/// </summary>
public static class S3ClientFactory
{
    /// <summary>Creates a client configured from the process environment.</summary>
    public static IAmazonS3 FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Creates a client configured through <paramref name="variable"/>, a lookup of environment variables.</summary>
    /// <remarks>
    /// <c>AWS_ENDPOINT_URL_S3</c> (or <c>AWS_ENDPOINT_URL</c>) points the client at another endpoint; such endpoints are
    /// addressed path-style (<c>http://host:port/bucket/key</c>), which every S3-compatible server understands, and
    /// signed for <c>AWS_REGION</c> (default <c>us-east-1</c>).
    /// </remarks>
    public static IAmazonS3 FromEnvironment(Func<string, string?> variable) => new AmazonS3Client(Config(variable));

    /// <summary>
    /// Creates the client for <paramref name="options"/> from the process environment: signed with the credentials of
    /// <see cref="ClaimCheckOptions.RoleArn"/> when a role is configured (assumed through an STS client on the SDK's
    /// default credentials chain), otherwise with that chain directly.
    /// </summary>
    public static IAmazonS3 Create(ClaimCheckOptions options) => Create(options, Environment.GetEnvironmentVariable, securityTokenService: null);

    /// <summary>
    /// Creates the client for <paramref name="options"/>, configured through <paramref name="variable"/>; a configured
    /// role is assumed through <paramref name="securityTokenService"/>, or through a new STS client when it is
    /// <see langword="null"/>.
    /// </summary>
    /// <exception cref="ClaimCheckConfigurationException">The role settings cannot work.</exception>
    public static IAmazonS3 Create(ClaimCheckOptions options, Func<string, string?> variable, IAmazonSecurityTokenService? securityTokenService)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(variable);
        if (options.AssumeRole is not AssumeRoleSettings role)
        {
            return FromEnvironment(variable);
        }

        // Checked before an STS client exists, so a bad setting costs nothing but the exception.
        role.Validate();

        // Created once per execution environment with the client, so the session is reused across invocations.
        AWSCredentials credentials = securityTokenService is null
            ? new AssumedRoleCredentials(new AmazonSecurityTokenServiceClient(), role, timeProvider: null, ownsClient: true)
            : new AssumedRoleCredentials(securityTokenService, role);
        return new AmazonS3Client(credentials, Config(variable));
    }

    private static AmazonS3Config Config(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var config = new AmazonS3Config();
        string? endpoint = NonEmpty(variable("AWS_ENDPOINT_URL_S3")) ?? NonEmpty(variable("AWS_ENDPOINT_URL"));
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = NonEmpty(variable("AWS_REGION")) ?? NonEmpty(variable("AWS_DEFAULT_REGION")) ?? "us-east-1";
        }

        return config;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
