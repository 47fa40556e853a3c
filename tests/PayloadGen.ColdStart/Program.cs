using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using PayloadGen;
using PayloadGen.ColdStart;

// Cold start of one small invocation, measured the way Lambda pays it: a fresh process per sample, from process
// start to the response written. Every variant does the same work on the same 40-byte request; only what PayloadGen
// adds differs. Run:  dotnet run -c Release [-- <rounds>]   (a child is: PayloadGen.ColdStart child <variant>)
// ReadyToRun, as AWS recommends for Lambda:  dotnet publish -c Release -r linux-x64 -p:PublishReadyToRun=true -o /tmp/cs
// then /tmp/cs/PayloadGen.ColdStart [<rounds>].
const string ExpectedResponse = """{"Id":"o-1","LineCount":3}""";

if (args is ["child", string childVariant])
{
    return await RunOnceAsync(childVariant);
}

int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 25;
string fileStore = Directory.CreateTempSubdirectory("payloadgen-coldstart-").FullName;
Variant[] variants =
[
    new("plain", "plain System.Text.Json Stream handler", []),
    new("wrapper", "[ClaimCheck] wrapper, file store", [(EnvironmentVariables.Store, "file:" + fileStore)]),
    new("wrapper", "[ClaimCheck] wrapper, S3 store, no region or credentials", [(EnvironmentVariables.Store, "s3"), (EnvironmentVariables.Bucket, "payloads")]),
    new("eager-s3", "[ClaimCheck] wrapper, S3 client created at start-up (before: every cold start)", [(EnvironmentVariables.Store, "s3"), (EnvironmentVariables.Bucket, "payloads"), (EnvironmentVariables.AwsRegion, "us-east-1")]),
];

// One unmeasured run of each warms the disk cache, so the first variant is not penalized.
foreach (Variant variant in variants)
{
    Measure(variant);
}

var samples = variants.ToDictionary(variant => variant, _ => new List<double>());
var jitted = new Dictionary<Variant, int>();
for (int round = 0; round < rounds; round++)
{
    // Interleaved, so a burst of load on a shared machine hits every variant alike.
    foreach (Variant variant in variants)
    {
        (double milliseconds, int methods) = Measure(variant);
        samples[variant].Add(milliseconds);
        jitted[variant] = methods;
    }
}

double plain = Median(samples[variants[0]]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} fresh processes per variant, median (p25–p75), ratio of medians to the plain handler:"));
Console.WriteLine();
Console.WriteLine("| variant | median | p25–p75 | ratio | methods JIT-compiled |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (Variant variant in variants)
{
    List<double> sorted = samples[variant].Order().ToList();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {variant.Description} | {Median(sorted):F0} ms | {Percentile(sorted, 0.25):F0}–{Percentile(sorted, 0.75):F0} ms | {Median(sorted) / plain:F2}× | {jitted[variant]} |"));
}

Directory.Delete(fileStore, recursive: true);
return 0;

static async Task<int> RunOnceAsync(string variant)
{
    var request = new MemoryStream("""{"Id":"o-1","Lines":["a","b","c"]}"""u8.ToArray());
    // Each variant in its own method, so the plain one never loads PayloadGen or the AWS SDK.
    Stream response = variant switch
    {
        "plain" => Functions.PlainHandle(request),
        "eager-s3" => await EagerS3ClientAsync(request),
        _ => await Functions.HandleClaimCheck(request),
    };

    using Stream stdout = Console.OpenStandardOutput();
    await response.CopyToAsync(stdout);
    // The methods this process JIT-compiled: the part of a cold start that ReadyToRun removes, and a count that
    // does not depend on how busy the machine is.
    Console.Error.Write(System.Runtime.JitInfo.GetCompiledMethodCount().ToString(CultureInfo.InvariantCulture));
    return 0;
}

[MethodImpl(MethodImplOptions.NoInlining)]
static async Task<Stream> EagerS3ClientAsync(Stream request)
{
    ClaimCheckOptions options = ClaimCheckOptions.FromEnvironment();
    Functions.ClaimCheckRuntime = ClaimCheckRuntime.Create(options, S3ClientFactory.Create(options));
    return await Functions.HandleClaimCheck(request);
}

static (double Milliseconds, int JitCompiledMethods) Measure(Variant variant)
{
    bool viaHost = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet";
    var start = new ProcessStartInfo(Environment.ProcessPath!)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    if (viaHost)
    {
        start.ArgumentList.Add(typeof(Functions).Assembly.Location);
    }

    start.ArgumentList.Add("child");
    start.ArgumentList.Add(variant.Mode);
    foreach (string name in start.Environment.Keys.Where(name => name.StartsWith("PAYLOADGEN_", StringComparison.Ordinal) || name.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
    {
        start.Environment.Remove(name);
    }

    foreach ((string name, string value) in variant.Environment)
    {
        start.Environment[name] = value;
    }

    long started = Stopwatch.GetTimestamp();
    using Process process = Process.Start(start)!;
    string output = process.StandardOutput.ReadToEnd();
    string errors = process.StandardError.ReadToEnd();
    process.WaitForExit();
    double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (process.ExitCode != 0 || output != ExpectedResponse || !int.TryParse(errors, NumberStyles.None, CultureInfo.InvariantCulture, out int jitted))
    {
        throw new InvalidOperationException($"{variant.Description}: exit {process.ExitCode}, output '{output}', errors: {errors}");
    }

    return (elapsed, jitted);
}

static double Median(IReadOnlyList<double> samples) => Percentile(samples.Order().ToList(), 0.5);

static double Percentile(List<double> sorted, double fraction)
{
    double position = (sorted.Count - 1) * fraction;
    int below = (int)Math.Floor(position);
    int above = (int)Math.Ceiling(position);
    return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
}
