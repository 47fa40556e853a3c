using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// s3rver (tests/s3rver/start.js) running as a child process on 127.0.0.1 with a free port and its own folder, and the
/// client settings that reach it. Shared by the test fixture (<see cref="S3rverFixture"/>), the ASP.NET Core package
/// consumer and the streaming benchmark, which are plain programs without a test framework. Disposing it stops the
/// server and deletes its folder.
/// </summary>
public sealed class S3rverProcess : IAsyncDisposable
{
    private readonly Process _process;

    private S3rverProcess(Process process, string dataDirectory, string serviceUrl)
    {
        _process = process;
        DataDirectory = dataDirectory;
        ServiceUrl = serviceUrl;
    }

    /// <summary>The folder s3rver keeps its objects in (for tampering tests).</summary>
    public string DataDirectory { get; }

    /// <summary>The endpoint, e.g. http://127.0.0.1:40123.</summary>
    public string ServiceUrl { get; }

    /// <summary>The server's process id: what it costs the machine is part of what a benchmark measures, and it can be pinned to CPUs.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts s3rver with <paramref name="buckets"/> created, installing it first (<c>npm ci</c>) when the checkout has
    /// no node_modules. Never skips: a machine without Node.js fails here, because a run that did not talk to S3 proves
    /// nothing about S3.
    /// </summary>
    /// <exception cref="InvalidOperationException">Node.js or s3rver could not be started.</exception>
    public static async Task<S3rverProcess> StartAsync(params string[] buckets)
    {
        string s3rverDirectory = Path.Combine(RepositoryRoot.Path, "tests", "s3rver");
        if (!Directory.Exists(Path.Combine(s3rverDirectory, "node_modules", "s3rver")))
        {
            await RunToCompletionAsync("npm", "ci --no-audit --no-fund", s3rverDirectory).ConfigureAwait(false);
        }

        string dataDirectory = Path.Combine(Path.GetTempPath(), "payloadgen-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = s3rverDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("start.js");
        start.ArgumentList.Add(dataDirectory);
        start.ArgumentList.Add(string.Join(',', buckets));
        Process process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");

        Task<string?> firstLine = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(firstLine, Task.Delay(TimeSpan.FromSeconds(30))).ConfigureAwait(false) != firstLine || firstLine.Result is null)
        {
            string error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"s3rver did not start: {error}");
        }

        using JsonDocument started = JsonDocument.Parse(firstLine.Result);
        return new S3rverProcess(process, dataDirectory, $"http://127.0.0.1:{started.RootElement.GetProperty("port").GetInt32()}");
    }

    /// <summary>A client for the server, as a user would configure one for an S3-compatible endpoint.</summary>
    public AmazonS3Client CreateClient(AmazonS3Config? config = null) => CreateClient(config, (credentials, configured) => new AmazonS3Client(credentials, configured));

    /// <summary>A client of the type <paramref name="create"/> makes, with <see cref="CreateClient(AmazonS3Config?)"/>'s settings and key.</summary>
    public AmazonS3Client CreateClient(AmazonS3Config? config, Func<AWSCredentials, AmazonS3Config, AmazonS3Client> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        config ??= new AmazonS3Config();
        config.ServiceURL = ServiceUrl;
        config.ForcePathStyle = true;
        config.AuthenticationRegion = "us-east-1";
        return create(new BasicAWSCredentials("S3RVER", "S3RVER"), config);
    }

    /// <summary>The file s3rver keeps an object's bytes in.</summary>
    public string ObjectFile(string bucket, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string[] parts = key.Split('/');
        parts[^1] += "._S3rver_object";
        return Path.Combine([DataDirectory, bucket, .. parts]);
    }

    /// <summary>Stops the server (it exits when its standard input closes) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static async Task RunToCompletionAsync(string fileName, string arguments, string workingDirectory)
    {
        using Process process = Process.Start(new ProcessStartInfo(fileName, arguments) { WorkingDirectory = workingDirectory, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{fileName} could not be started.");
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{fileName} {arguments}' failed with exit code {process.ExitCode}.");
        }
    }
}
