using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Integration;

/// <summary>
/// What a user's own project does: a separate process whose generated wrapper round-trips 20 MB in both
/// directions through S3, configured only through the environment variables the README documents.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class DemoProcessTests
{
    private readonly S3rverFixture _s3;

    public DemoProcessTests(S3rverFixture s3) => _s3 = s3;

    [Fact]
    public async Task Demo_round_trips_20_MB_through_S3_configured_only_by_environment_variables()
    {
        string configuration = typeof(DemoProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string demo = Path.Combine(RepositoryRoot.Path, "samples", "PayloadGen.Demo", "bin", configuration, "net10.0", "PayloadGen.Demo.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(demo);
        start.Environment["AWS_ENDPOINT_URL_S3"] = _s3.ServiceUrl;
        start.Environment["AWS_ACCESS_KEY_ID"] = "S3RVER";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "S3RVER";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["PAYLOADGEN_STORE"] = "s3";
        start.Environment["PAYLOADGEN_BUCKET"] = S3rverFixture.Bucket;
        // PAYLOADGEN_S3_CHUNKED_ENCODING is deliberately left unset: an overridden endpoint turns aws-chunked off.

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(process.ExitCode == 0, $"demo failed:\n{await output}\n{await error}");
        string text = await output;
        Assert.Contains("store: s3 (bucket 'payloads')", text, StringComparison.Ordinal);
        Assert.Contains("through the store  payloads/payloadgen/", text, StringComparison.Ordinal);
        Assert.Contains("with 200,000 rows from 200,000 source lines", text, StringComparison.Ordinal);
        Assert.Contains("function answered 303, Location: " + _s3.ServiceUrl + "/payloads/payloadgen/", text, StringComparison.Ordinal);
        Assert.Contains("from the Location: exactly the handler's CSV", text, StringComparison.Ordinal);
    }
}
