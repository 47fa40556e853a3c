using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen;
using PayloadGen.PackageTests;

// Proves the package works as shipped: the generator inside it runs (ShoutClaimCheck exists only if it did), and
// the wrapper round-trips a response over its threshold through the embedded file store.
string folder = Path.Combine(Path.GetTempPath(), "payloadgen-package-test-" + Guid.NewGuid().ToString("N"));
Functions.ClaimCheckRuntime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(folder));
try
{
    string big = new string('x', 5000);
    await using Stream response = await Functions.ShoutClaimCheck(new MemoryStream(Encoding.UTF8.GetBytes($"\"{big}\"")));
    string? shouted = await new ClaimCheckClient(Functions.ClaimCheckRuntime).ReadResponseAsync<string>(response);
    bool offloaded = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Length == 1;
    if (!string.Equals(shouted, big.ToUpperInvariant(), StringComparison.Ordinal) || !offloaded)
    {
        Console.Error.WriteLine("package test failed: the response did not round-trip through the store");
        return 1;
    }

    Console.WriteLine($"package test passed: {Functions.ShoutClaimCheckHandler} offloaded {big.Length} characters and read them back");
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

namespace PayloadGen.PackageTests
{
    public static partial class Functions
    {
        public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

        [ClaimCheck(InlineThresholdBytes = 1000)]
        public static Task<string> Shout(string text, CancellationToken cancellationToken) => Task.FromResult(text.ToUpperInvariant());
    }
}
