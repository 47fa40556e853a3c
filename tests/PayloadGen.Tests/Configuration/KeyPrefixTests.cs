using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Configuration;

/// <summary>The key prefix is a path segment, and "no prefix" must be said on purpose.</summary>
public sealed class KeyPrefixTests
{
    [Theory]
    [InlineData("payloadgen", "payloadgen/")]
    [InlineData("payloadgen/", "payloadgen/")]
    [InlineData("  team/payloads ", "team/payloads/")]
    [InlineData("/", "")]
    public void The_variable_is_read_as_a_path_segment(string value, string expected)
    {
        ClaimCheckOptions options = ClaimCheckOptions.FromEnvironment(name => name == EnvironmentVariables.KeyPrefix ? value : null);

        Assert.Equal(expected, options.KeyPrefix);
    }

    [Fact]
    public void A_prefix_without_its_slash_does_not_admit_a_sibling_folder()
    {
        ClaimCheckRuntime runtime = Runtime(new ClaimCheckOptions { Bucket = "payloads", KeyPrefix = "payloadgen" });
        byte[] pointer = PayloadPointerWriter.ToUtf8(new PayloadPointer("payloads", "payloadgen-evil/x.json") { Size = 2, Sha256 = new string('0', 64) });

        var error = Assert.Throws<PayloadKeyNotAllowedException>(() => Hydrate(runtime, pointer));

        Assert.Contains("'payloadgen/'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void A_blank_prefix_is_refused_in_code_with_the_way_to_say_whole_bucket(string value)
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => new ClaimCheckOptions { KeyPrefix = value });

        Assert.Contains("PAYLOADGEN_KEY_PREFIX", error.Message, StringComparison.Ordinal);
        Assert.Contains("'/'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_bucket_prefix_follows_keys_at_the_root_and_writes_there()
    {
        using var directory = new Infrastructure.TemporaryDirectory();
        var runtime = new ClaimCheckRuntime(
            new ClaimCheckOptions { KeyPrefix = ClaimCheckOptions.WholeBucketKeyPrefix },
            new FilePayloadStore(directory.Path));

        PayloadPointer written = await runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>("\"x\""u8.ToArray()), CancellationToken.None);

        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/[0-9a-f]{32}\.json$", written.Key);
        Assert.Equal("x", await runtime.ReadAsync(written, Adversarial.AttackerHarness.StringType, CancellationToken.None));
    }

    private static ClaimCheckRuntime Runtime(ClaimCheckOptions options)
        => new(options, new FilePayloadStore(Path.GetTempPath(), options.Bucket));

    private static string? Hydrate(ClaimCheckRuntime runtime, byte[] pointer)
        => runtime.HydrateAsync(new ReadOnlyMemory<byte>(pointer), Adversarial.AttackerHarness.StringType, false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
