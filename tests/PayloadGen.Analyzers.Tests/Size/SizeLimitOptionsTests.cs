using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

public class SizeLimitOptionsTests
{
    [Theory]
    [InlineData("1048576", 1_048_576L)]
    [InlineData(" 262144 ", 262_144L)]
    [InlineData("6_291_456", 6_291_456L)]
    [InlineData("6,291,456", 6_291_456L)]
    [InlineData("256KB", 262_144L)]
    [InlineData("256 KiB", 262_144L)]
    [InlineData("1MB", 1_048_576L)]
    [InlineData("6 mib", 6_291_456L)]
    public void Parses_bytes_with_optional_binary_suffix(string text, long expected) =>
        Assert.Equal(expected, SizeLimitOptions.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.5MB")]
    [InlineData("99999999999999999999")]
    [InlineData("9999999999999999MB")]
    public void Malformed_values_leave_the_default_in_force(string? text) =>
        Assert.Null(SizeLimitOptions.Parse(text));

    [Fact]
    public void Default_limits_match_the_runtime_ones()
    {
        // The analyzer cannot reference the runtime assembly, so it keeps its own copy of the service limits.
        Assert.Equal(global::PayloadGen.PayloadLimits.SyncRequestBytes, SizeLimitOptions.SyncRequestBytes);
        Assert.Equal(global::PayloadGen.PayloadLimits.SyncResponseBytes, SizeLimitOptions.SyncResponseBytes);
        Assert.Equal(global::PayloadGen.PayloadLimits.AsyncRequestBytes, SizeLimitOptions.AsyncBytes);
        Assert.Equal(global::PayloadGen.PayloadLimits.SqsMessageBytes, SizeLimitOptions.SqsBytes);
        Assert.Equal(global::PayloadGen.PayloadLimits.SnsMessageBytes, SizeLimitOptions.SnsBytes);
        Assert.Equal(global::PayloadGen.PayloadLimits.StepFunctionsStateBytes, SizeLimitOptions.StepFunctionsBytes);
        Assert.Equal(global::PayloadGen.PayloadLimits.EventBridgeEntryBytes, SizeLimitOptions.EventBridgeBytes);
        Assert.Equal(global::PayloadGen.PayloadLimits.AlbBytes, SizeLimitOptions.AlbBytes);
    }
}
