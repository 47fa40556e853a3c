using System;
using Amazon.S3;

namespace PayloadGen;

/// <summary>
/// Creates the S3 client PayloadGen uses when none is injected: the AWS SDK's own configuration (credentials
/// chain, <c>AWS_REGION</c>), plus an endpoint override for S3-compatible servers.
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
    public static IAmazonS3 FromEnvironment(Func<string, string?> variable)
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

        return new AmazonS3Client(config);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
