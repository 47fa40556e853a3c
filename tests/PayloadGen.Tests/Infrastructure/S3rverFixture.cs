using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Xunit;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// A real S3-compatible server (s3rver, from tests/s3rver) on 127.0.0.1 with a free port and its own folder,
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

    private Process? _process;
    private string? _dataDirectory;

    /// <summary>The folder s3rver keeps its objects in (for tampering tests).</summary>
    public string DataDirectory => _dataDirectory!;

    /// <summary>The endpoint, e.g. http://127.0.0.1:40123.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        string s3rverDirectory = Path.Combine(RepositoryRoot.Path, "tests", "s3rver");
        if (!Directory.Exists(Path.Combine(s3rverDirectory, "node_modules", "s3rver")))
        {
            await RunToCompletionAsync("npm", "ci --no-audit --no-fund", s3rverDirectory);
        }

        _dataDirectory = Path.Combine(Path.GetTempPath(), "payloadgen-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = s3rverDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("start.js");
        start.ArgumentList.Add(_dataDirectory);
        start.ArgumentList.Add($"{Bucket},{ExtendedClientBucket},{ForeignBucket}");
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");

        Task<string?> firstLine = _process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(firstLine, Task.Delay(TimeSpan.FromSeconds(30))) != firstLine || firstLine.Result is null)
        {
            string error = await _process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"s3rver did not start: {error}");
        }

        using JsonDocument started = JsonDocument.Parse(firstLine.Result);
        ServiceUrl = $"http://127.0.0.1:{started.RootElement.GetProperty("port").GetInt32()}";
    }

    /// <summary>A client for the server, as a user would configure one for an S3-compatible endpoint.</summary>
    public AmazonS3Client CreateClient(AmazonS3Config? config = null) => CreateClient(config, (credentials, configured) => new AmazonS3Client(credentials, configured));

    /// <summary>A client of the type <paramref name="create"/> makes, with <see cref="CreateClient(AmazonS3Config?)"/>'s settings and key.</summary>
    public AmazonS3Client CreateClient(AmazonS3Config? config, Func<AWSCredentials, AmazonS3Config, AmazonS3Client> create)
    {
        config ??= new AmazonS3Config();
        config.ServiceURL = ServiceUrl;
        config.ForcePathStyle = true;
        config.AuthenticationRegion = "us-east-1";
        return create(new BasicAWSCredentials("S3RVER", "S3RVER"), config);
    }

    /// <summary>The file s3rver keeps an object's bytes in.</summary>
    public string ObjectFile(string bucket, string key)
    {
        string[] parts = key.Split('/');
        parts[^1] += "._S3rver_object";
        return Path.Combine([DataDirectory, bucket, .. parts]);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task RunToCompletionAsync(string fileName, string arguments, string workingDirectory)
    {
        using Process process = Process.Start(new ProcessStartInfo(fileName, arguments) { WorkingDirectory = workingDirectory, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{fileName} could not be started.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{fileName} {arguments}' failed with exit code {process.ExitCode}.");
        }
    }
}

/// <summary>Tests that share one s3rver.</summary>
[CollectionDefinition(Name)]
public sealed class S3rverTests : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}
