using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace PayloadGen.Tests.Configuration;

public sealed class ClaimCheckOptionsTests
{
    [Fact]
    public void Defaults_apply_when_nothing_is_set()
    {
        ClaimCheckOptions options = ClaimCheckOptions.FromEnvironment(_ => null);

        Assert.Null(options.Bucket);
        Assert.Equal("payloadgen/", options.KeyPrefix);
        Assert.Equal("s3", options.Store);
        Assert.Equal(256L * 1024 * 1024, options.MaxPayloadBytes);
        Assert.Equal(64L * 1024 * 1024, options.MaxItemBytes);
        Assert.Null(options.InlineThresholdBytes);
        Assert.True(options.S3ChunkedEncoding);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.DeadlineMargin);
    }

    [Fact]
    public void Every_variable_is_read()
    {
        var environment = new Dictionary<string, string>
        {
            ["PAYLOADGEN_BUCKET"] = "main",
            ["PAYLOADGEN_KEY_PREFIX"] = "big/",
            ["PAYLOADGEN_ALLOWED_BUCKETS"] = " other , third ,",
            ["PAYLOADGEN_MAX_PAYLOAD_BYTES"] = "1000",
            ["PAYLOADGEN_MAX_ITEM_BYTES"] = "300",
            ["PAYLOADGEN_INLINE_THRESHOLD_BYTES"] = "200",
            ["PAYLOADGEN_STORE"] = "file:/tmp/x",
            ["PAYLOADGEN_EXPECTED_BUCKET_OWNER"] = "111122223333",
            ["PAYLOADGEN_S3_CHUNKED_ENCODING"] = "false",
            ["PAYLOADGEN_DEADLINE_MARGIN_MS"] = "1500",
            ["PAYLOADGEN_PRESIGN_SECONDS"] = "300",
            ["PAYLOADGEN_DELETE_AFTER_PROCESSING"] = "yes",
            ["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:4568",
            ["AWS_REGION"] = "eu-west-1",
        };

        ClaimCheckOptions options = ClaimCheckOptions.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Equal("main", options.Bucket);
        Assert.Equal("big/", options.KeyPrefix);
        Assert.Equal(["main", "other", "third"], options.EffectiveAllowedBuckets);
        Assert.Equal(1000, options.MaxPayloadBytes);
        Assert.Equal(300, options.MaxItemBytes);
        Assert.Equal(200, options.InlineThresholdBytes);
        Assert.Equal("file:/tmp/x", options.Store);
        Assert.Equal("111122223333", options.ExpectedBucketOwner);
        Assert.False(options.S3ChunkedEncoding);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.DeadlineMargin);
        Assert.Equal(TimeSpan.FromMinutes(5), options.PresignedUrlLifetime);
        Assert.True(options.DeletePayloadAfterProcessing);
        Assert.Equal("http://127.0.0.1:4568", options.S3ServiceUrl);
        Assert.Equal("eu-west-1", options.S3SigningRegion);
    }

    [Fact]
    public void Each_variable_is_read_once()
    {
        var reads = new Dictionary<string, int>();

        ClaimCheckOptions.FromEnvironment(name =>
        {
            reads[name] = reads.GetValueOrDefault(name) + 1;
            return null;
        });

        Assert.All(reads, read => Assert.Equal(1, read.Value));
        Assert.Contains(EnvironmentVariables.DeleteAfterProcessing, reads.Keys);
        Assert.Contains(EnvironmentVariables.KeyPrefix, reads.Keys);
    }

    [Fact]
    public void Only_the_environment_reader_looks_at_the_environment()
    {
        string source = System.IO.Path.Combine(Infrastructure.RepositoryRoot.Path, "src", "PayloadGen");
        string configuration = System.IO.Path.Combine(source, "Configuration") + System.IO.Path.DirectorySeparatorChar;

        string[] readers = System.IO.Directory.EnumerateFiles(source, "*.cs", System.IO.SearchOption.AllDirectories)
            .Where(file => System.IO.File.ReadAllText(file).Contains("GetEnvironmentVariable", StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(readers);
        Assert.All(readers, file => Assert.StartsWith(configuration, file, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PAYLOADGEN_MAX_PAYLOAD_BYTES", "lots")]
    [InlineData("PAYLOADGEN_MAX_PAYLOAD_BYTES", "-5")]
    [InlineData("PAYLOADGEN_MAX_ITEM_BYTES", "0")]
    [InlineData("PAYLOADGEN_MAX_ITEM_BYTES", "64MB")]
    [InlineData("PAYLOADGEN_INLINE_THRESHOLD_BYTES", "0")]
    [InlineData("PAYLOADGEN_S3_CHUNKED_ENCODING", "maybe")]
    [InlineData("PAYLOADGEN_DEADLINE_MARGIN_MS", "1.5")]
    [InlineData("PAYLOADGEN_PRESIGN_SECONDS", "soon")]
    [InlineData("PAYLOADGEN_PRESIGN_SECONDS", "864000")]
    [InlineData("PAYLOADGEN_DELETE_AFTER_PROCESSING", "maybe")]
    [InlineData("PAYLOADGEN_DELETE_AFTER_PROCESSING", "ture")]
    [InlineData("PAYLOADGEN_KEY_PREFIX", "")]
    [InlineData("PAYLOADGEN_KEY_PREFIX", "   ")]
    [InlineData("PAYLOADGEN_KEY_PREFIX", "/payloads")]
    [InlineData("PAYLOADGEN_KEY_PREFIX", "a/../b")]
    [InlineData("PAYLOADGEN_STORE", "ftp://x")]
    [InlineData("PAYLOADGEN_STORE", "file:")]
    [InlineData("PAYLOADGEN_EXPECTED_BUCKET_OWNER", "my-account")]
    [InlineData("PAYLOADGEN_ROLE_DURATION_SECONDS", "1h")]
    [InlineData("AWS_ENDPOINT_URL_S3", "localhost:4568")]
    public void Unusable_values_are_refused_with_the_variable_named(string name, string value)
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(
            () => ClaimCheckOptions.FromEnvironment(variable => variable == name ? value : null));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_S3", null, false)]
    [InlineData("AWS_ENDPOINT_URL", null, false)]
    [InlineData("AWS_ENDPOINT_URL_S3", "true", true)]
    [InlineData(null, null, true)]
    [InlineData(null, "false", false)]
    public void Chunked_encoding_is_off_for_overridden_endpoints_unless_set_explicitly(string? endpointVariable, string? chunked, bool expected)
    {
        var environment = new Dictionary<string, string>();
        if (endpointVariable is not null)
        {
            environment[endpointVariable] = "http://127.0.0.1:4568";
        }

        if (chunked is not null)
        {
            environment["PAYLOADGEN_S3_CHUNKED_ENCODING"] = chunked;
        }

        Assert.Equal(expected, ClaimCheckOptions.FromEnvironment(name => environment.GetValueOrDefault(name)).S3ChunkedEncoding);
    }

    [Fact]
    public void Unknown_store_is_refused()
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => ClaimCheckRuntime.Create(new ClaimCheckOptions { Store = "ftp://x" }));

        Assert.Contains("PAYLOADGEN_STORE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_store_is_selected_by_the_file_prefix()
    {
        ClaimCheckRuntime runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Store = "file:" + System.IO.Path.GetTempPath() });

        var store = Assert.IsType<FilePayloadStore>(runtime.Store);
        Assert.Equal(FilePayloadStore.DefaultBucket, store.Bucket);
    }

    [Theory]
    [InlineData(PayloadSource.Direct, 6_291_556 - 65_536)]
    [InlineData(PayloadSource.AsyncInvoke, 1_048_576 - 65_536)]
    [InlineData(PayloadSource.Sqs, 1_048_576 - 65_536)]
    [InlineData(PayloadSource.Sns, 262_144 - 16_384)]
    [InlineData(PayloadSource.StepFunctions, 262_144 - 16_384)]
    public void Default_thresholds_keep_a_margin_below_each_source_limit(PayloadSource source, long expected)
    {
        Assert.Equal(expected, PayloadLimits.DefaultInlineThreshold(source));
    }

    [Fact]
    public void Handler_threshold_beats_configured_threshold_which_beats_the_source_default()
    {
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { InlineThresholdBytes = 500 }, new FilePayloadStore(System.IO.Path.GetTempPath()));

        Assert.Equal(100, runtime.InlineThreshold(PayloadSource.Direct, 100));
        Assert.Equal(500, runtime.InlineThreshold(PayloadSource.Direct));
        var unconfigured = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(System.IO.Path.GetTempPath()));
        Assert.Equal(PayloadLimits.DefaultInlineThreshold(PayloadSource.Sns), unconfigured.InlineThreshold(PayloadSource.Sns));
    }

    [Fact]
    public void A_misspelt_PAYLOADGEN_variable_is_reported_not_ignored()
    {
        Assert.Equal(
            ["PAYLOADGEN_BUKET", "PAYLOADGEN_KEY_PREFX"],
            ClaimCheckEnvironment.UnknownVariables(["PAYLOADGEN_KEY_PREFX", "PAYLOADGEN_BUCKET", "PATH", "PAYLOADGEN_BUKET", "AWS_REGION"]));
    }

    [Fact]
    public void Every_PAYLOADGEN_constant_is_a_known_variable()
    {
        string[] constants = typeof(EnvironmentVariables).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Where(name => name.StartsWith("PAYLOADGEN_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(constants, EnvironmentVariables.All.Order(StringComparer.Ordinal));
    }
}
