using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PayloadGen;
using PayloadGen.AspNetCore;
using PayloadGen.AspNetCorePackageTests;

// Proves the package works as shipped: the middleware runs against the PayloadGen its dependency brought (whose
// internals it uses), a small response passes through byte for byte, and an ALB response over 1 MB is measured and
// sent to be stored (the file store cannot presign, so storing it must fail with that reason), and a response of
// several parts streams into S3 (s3rver) while it is written and is answered with a redirect to exactly its bytes
// (StreamedResponseScenario). The generator came along too: ShoutClaimCheckHandler exists only if it ran.
string folder = Path.Combine(Path.GetTempPath(), "payloadgen-aspnet-package-test-" + Guid.NewGuid().ToString("N"));
var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = "payloads" }, new FilePayloadStore(folder, "payloads"));
try
{
    byte[] small = Encoding.UTF8.GetBytes("id,name\n1,\"first\"\n2,second\n");
    using var passed = new MemoryStream();
    await RunAsync(small, passed);
    if (!passed.ToArray().AsSpan().SequenceEqual(small))
    {
        Console.Error.WriteLine("package test failed: a small response did not pass through byte for byte");
        return 1;
    }

    try
    {
        await RunAsync(new byte[1_500_000], new MemoryStream());
        Console.Error.WriteLine("package test failed: a 1.5 MB ALB response was not sent to be stored");
        return 1;
    }
    catch (ClaimCheckConfigurationException ex) when (ex.Message.Contains("cannot presign", StringComparison.Ordinal))
    {
    }

    string streamed = await StreamedResponseScenario.RunAsync();

    Console.WriteLine($"package test passed: UseClaimCheck() passed {small.Length} bytes through, sent 1,500,000 ALB bytes to storage and {streamed}; generator ran ({Functions.ShoutClaimCheckHandler})");
    return 0;
}
finally
{
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

async Task RunAsync(byte[] body, Stream wire)
{
    var context = new DefaultHttpContext();
    context.Response.Body = wire;
    var middleware = new ClaimCheckMiddleware(
        ctx =>
        {
            ctx.Response.ContentType = "text/csv";
            return ctx.Response.Body.WriteAsync(body).AsTask();
        },
        Options.Create(new ClaimCheckMiddlewareOptions { Runtime = runtime, EventSource = PayloadSource.ApplicationLoadBalancer }),
        NullLogger<ClaimCheckMiddleware>.Instance);
    await middleware.InvokeAsync(context);
}

namespace PayloadGen.AspNetCorePackageTests
{
    public static partial class Functions
    {
        [ClaimCheck]
        public static Task<string> Shout(string text, CancellationToken cancellationToken) => Task.FromResult(text.ToUpperInvariant());
    }
}
