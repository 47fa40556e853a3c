using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>Extreme but valid configuration values must not turn into crashes on the hydration path.</summary>
public sealed class ConfigurationEdgeTests
{
    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MaxValue - 1)]
    [InlineData(5L * 1024 * 1024 * 1024)]
    public async Task The_largest_payload_cap_still_hydrates_a_stream_that_is_not_a_MemoryStream(long maxPayloadBytes)
    {
        using var directory = new TemporaryDirectory();
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { MaxPayloadBytes = maxPayloadBytes }, new FilePayloadStore(directory.Path));
        using var seekable = new BufferedStream(new MemoryStream("\"inline\""u8.ToArray()));

        Assert.Equal("inline", await runtime.HydrateAsync(seekable, AttackerHarness.StringType, false, CancellationToken.None));
    }

    [Fact]
    public void A_PAYLOADGEN_MAX_PAYLOAD_BYTES_of_long_MaxValue_is_accepted_by_the_options()
    {
        ClaimCheckOptions options = ClaimCheckOptions.FromEnvironment(name => name == EnvironmentVariables.MaxPayloadBytes ? long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        options.Validate();
        Assert.Equal(long.MaxValue, options.MaxPayloadBytes);
    }
}
