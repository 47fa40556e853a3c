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
    /// How much of a request body the client reads at a time (<see cref="Amazon.Runtime.ClientConfig.BufferSize"/>;
    /// the SDK's default is 8 KiB). The SDK wraps an upload part's stream in one whose every read completes with a new
    /// task: at 8 KiB that is 640 tasks per 5 MiB part, about 10 MiB of garbage per GB offloaded (as much as everything
    /// else a streamed offload allocates); at 80 KiB, the size <c>Stream.CopyToAsync</c> uses, a tenth of it.
    /// </summary>
    internal const int RequestBodyBufferBytes = 81_920;

    /// <summary>
    /// Creates the client for <paramref name="options"/>: signed with the credentials of
    /// <see cref="ClaimCheckOptions.RoleArn"/> when a role is configured (assumed through
    /// <paramref name="securityTokenService"/>, or a new STS client on the SDK's default credentials chain when it is
    /// <see langword="null"/>), otherwise with that chain directly.
    /// </summary>
    /// <remarks>
    /// Request bodies are read <see cref="RequestBodyBufferBytes"/> at a time, and an unchunked upload part is signed with
    /// the SHA-256 the streamed offload computed with the payload's (<see cref="PayloadGenS3Client"/>). An endpoint
    /// override is addressed path-style (<c>http://host:port/bucket/key</c>), which every S3-compatible server
    /// understands, and signed for <see cref="ClaimCheckOptions.S3SigningRegion"/>.
    /// </remarks>
    /// <exception cref="ClaimCheckConfigurationException">The role settings cannot work.</exception>
    public static IAmazonS3 Create(ClaimCheckOptions options, IAmazonSecurityTokenService? securityTokenService = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config { BufferSize = RequestBodyBufferBytes };
        if (options.S3ServiceUrl is string endpoint)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.S3SigningRegion;
        }

        if (options.AssumeRole is not AssumeRoleSettings role)
        {
            return new PayloadGenS3Client(config);
        }

        // Checked before an STS client exists, so a bad setting costs nothing but the exception.
        role.Validate();

        // Created once per execution environment with the client, so the session is reused across invocations.
        AWSCredentials credentials = securityTokenService is null
            ? new AssumedRoleCredentials(new AmazonSecurityTokenServiceClient(), role, timeProvider: null, ownsClient: true)
            : new AssumedRoleCredentials(securityTokenService, role);
        return new PayloadGenS3Client(credentials, config);
    }
}
