using System;
using System.IO;
using Xunit;

namespace PayloadGen.Tests.Configuration;

/// <summary>Options are values: once a runtime uses them, nothing can move its prefix, allow-list or bucket.</summary>
public sealed class FrozenOptionsTests
{
    [Fact]
    public void Options_are_frozen_when_a_runtime_is_created()
    {
        var options = new ClaimCheckOptions { Bucket = "payloads", Store = "file:" + Path.GetTempPath() };
        Assert.False(options.IsReadOnly);

        ClaimCheckRuntime runtime = ClaimCheckRuntime.Create(options);

        Assert.Same(options, runtime.Options);
        Assert.True(options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => options.KeyPrefix = "elsewhere/");
        Assert.Throws<InvalidOperationException>(() => options.Bucket = "other");
        Assert.Throws<InvalidOperationException>(() => options.MaxPayloadBytes = 1);
        Assert.Throws<InvalidOperationException>(() => options.MaxItemBytes = 1);
        Assert.Throws<InvalidOperationException>(() => options.DeletePayloadAfterProcessing = true);
        Assert.Throws<InvalidOperationException>(() => options.Observer = null);
        Assert.Throws<InvalidOperationException>(() => options.AllowedBuckets.Add("attacker"));
        Assert.Equal("payloadgen/", runtime.Options.KeyPrefix);
        Assert.Equal(["payloads"], runtime.Options.EffectiveAllowedBuckets);
    }

    [Fact]
    public void A_runtime_over_a_given_store_freezes_its_options_too()
    {
        var options = new ClaimCheckOptions();
        _ = new ClaimCheckRuntime(options, new FilePayloadStore(Path.GetTempPath()));

        var error = Assert.Throws<InvalidOperationException>(() => options.AllowedBuckets.Clear());
        Assert.Contains("new ClaimCheckOptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_that_fail_validation_are_not_frozen()
    {
        var options = new ClaimCheckOptions { Store = "ftp://x" };

        Assert.Throws<ClaimCheckConfigurationException>(() => ClaimCheckRuntime.Create(options));

        Assert.False(options.IsReadOnly);
        options.Store = "s3";
    }
}
