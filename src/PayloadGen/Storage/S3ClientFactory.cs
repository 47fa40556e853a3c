using System;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;

namespace PayloadGen;

/// <summary>
/// Creates the S3 client PayloadGen uses when none is injected: the AWS SDK's own configuration (credentials
/// chain, region), plus <see cref="ClaimCheckOptions.S3ServiceUrl"/> for S3-compatible servers, and the credentials
/// of an assumed role when one is configured. It reads no environment variable itself: the options carry them.
/// </summary>
public static class S3ClientFactory
{
    /// <summary>
    /// Creates the client for <paramref name="options"/>: signed with the credentials of
    /// <see cref="ClaimCheckOptions.RoleArn"/> when a role is configured (assumed through
    /// <paramref name="securityTokenService"/>, or a new STS client on the SDK's default credentials chain when it is
    /// <see langword="null"/>), otherwise with that chain directly.
    /// </summary>
    /// <remarks>
    /// An endpoint override is addressed path-style (<c>http://host:port/bucket/key</c>), which every S3-compatible
    /// server understands, and signed for <see cref="ClaimCheckOptions.S3SigningRegion"/>.
    /// </remarks>
    /// <exception cref="ClaimCheckConfigurationException">The role settings cannot work.</exception>
    public static IAmazonS3 Create(ClaimCheckOptions options, IAmazonSecurityTokenService? securityTokenService = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config();
        if (options.S3ServiceUrl is string endpoint)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.S3SigningRegion;
        }

        if (options.AssumeRole is not AssumeRoleSettings role)
        {
            return new AmazonS3Client(config);
        }

        // Checked before an STS client exists, so a bad setting costs nothing but the exception.
        role.Validate();

        // Created once per execution environment with the client, so the session is reused across invocations.
        AWSCredentials credentials = securityTokenService is null
            ? new AssumedRoleCredentials(new AmazonSecurityTokenServiceClient(), role, timeProvider: null, ownsClient: true)
            : new AssumedRoleCredentials(securityTokenService, role);
        return new AmazonS3Client(credentials, config);
    }
}
