using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Xunit;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// A real S3-compatible server (<see cref="S3rverProcess"/>: s3rver on 127.0.0.1 with a free port and its own folder),
/// started once for the test collection and stopped afterwards. It never skips: a machine without Node.js or
/// s3rver fails the S3 tests, because a green run that did not talk to S3 proves nothing.
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    /// <summary>The bucket PayloadGen writes to in the tests.</summary>
    public const string Bucket = "payloads";

    /// <summary>The bucket the Java extended client wrote to in the event fixtures.</summary>
    public const string ExtendedClientBucket = "orders-payloads";

    /// <summary>A second bucket that exists but is not on the allow-list.</summary>
    public const string ForeignBucket = "someone-elses";

    private S3rverProcess? _server;

    /// <summary>The folder s3rver keeps its objects in (for tampering tests).</summary>
    public string DataDirectory => Server.DataDirectory;

    /// <summary>The endpoint, e.g. http://127.0.0.1:40123.</summary>
    public string ServiceUrl => Server.ServiceUrl;

    private S3rverProcess Server => _server ?? throw new InvalidOperationException("s3rver is not started: the fixture is used before xunit initialized it.");

    public async Task InitializeAsync() => _server = await S3rverProcess.StartAsync(Bucket, ExtendedClientBucket, ForeignBucket);

    /// <summary>A client for the server, as a user would configure one for an S3-compatible endpoint.</summary>
    public AmazonS3Client CreateClient(AmazonS3Config? config = null) => Server.CreateClient(config);

    /// <summary>A client of the type <paramref name="create"/> makes, with <see cref="CreateClient(AmazonS3Config?)"/>'s settings and key.</summary>
    public AmazonS3Client CreateClient(AmazonS3Config? config, Func<AWSCredentials, AmazonS3Config, AmazonS3Client> create) => Server.CreateClient(config, create);

    /// <summary>The file s3rver keeps an object's bytes in.</summary>
    public string ObjectFile(string bucket, string key) => Server.ObjectFile(bucket, key);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Tests that share one s3rver.</summary>
[CollectionDefinition(Name)]
public sealed class S3rverTests : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}
