using System;
using System.Collections.Generic;
using Xunit;

namespace PayloadGen.Tests.Credentials;

/// <summary>The <c>PAYLOADGEN_ROLE_*</c> settings: read, defaulted and checked before the first offload.</summary>
public sealed class CrossAccountOptionsTests
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/payload-writer";

    [Fact]
    public void No_role_is_assumed_unless_one_is_configured()
    {
        ClaimCheckOptions options = ClaimCheckOptions.FromEnvironment(_ => null);

        Assert.Null(options.RoleArn);
        Assert.Null(options.AssumeRole);
        Assert.Equal("payloadgen", options.RoleSessionName);
        Assert.Equal(3600, options.RoleDurationSeconds);
        Assert.Null(options.EffectiveExpectedBucketOwner);
    }

    [Fact]
    public void Role_variables_are_read()
    {
        ClaimCheckOptions options = FromEnvironment(new()
        {
            ["PAYLOADGEN_ROLE_ARN"] = RoleArn,
            ["PAYLOADGEN_ROLE_EXTERNAL_ID"] = "ext-123",
            ["PAYLOADGEN_ROLE_SESSION_NAME"] = "orders-fn",
            ["PAYLOADGEN_ROLE_DURATION_SECONDS"] = "900",
        });

        options.Validate();
        AssumeRoleSettings role = options.AssumeRole!;
        Assert.Equal((RoleArn, "ext-123", "orders-fn", 900, "111122223333"), (role.RoleArn, role.ExternalId, role.SessionName, role.DurationSeconds, role.AccountId));
    }

    [Theory]
    [InlineData("899")]
    [InlineData("3601")]
    [InlineData("43200")]
    public void Duration_outside_900_to_3600_seconds_is_refused_explaining_role_chaining(string seconds)
    {
        // Read and checked at start-up: the reader validates what it read.
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => FromEnvironment(new() { ["PAYLOADGEN_ROLE_ARN"] = RoleArn, ["PAYLOADGEN_ROLE_DURATION_SECONDS"] = seconds }));

        Assert.Contains("PAYLOADGEN_ROLE_DURATION_SECONDS", error.Message, StringComparison.Ordinal);
        Assert.Contains(seconds, error.Message, StringComparison.Ordinal);
        Assert.Contains("role chaining", error.Message, StringComparison.Ordinal);
        Assert.Contains("3600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_is_not_created_with_a_duration_over_the_role_chaining_cap()
    {
        var options = new ClaimCheckOptions { Bucket = "b", Store = "file:/tmp/unused", RoleArn = RoleArn, RoleDurationSeconds = 7200 };

        Assert.Throws<ClaimCheckConfigurationException>(() => ClaimCheckRuntime.Create(options));
    }

    [Theory]
    [InlineData(900)]
    [InlineData(3600)]
    public void Durations_at_the_bounds_are_accepted(int seconds)
        => new ClaimCheckOptions { RoleArn = RoleArn, RoleDurationSeconds = seconds }.Validate();

    [Theory]
    [InlineData("1h")]
    [InlineData("-900")]
    [InlineData("99999999999")]
    public void Duration_that_is_not_a_whole_number_of_seconds_is_refused(string seconds)
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => FromEnvironment(new() { ["PAYLOADGEN_ROLE_DURATION_SECONDS"] = seconds }));

        Assert.Contains("PAYLOADGEN_ROLE_DURATION_SECONDS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payload-writer")]
    [InlineData("arn:aws:iam::1111:role/payload-writer")]
    [InlineData("arn:aws:iam::111122223333:user/bob")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:iam::111122223333:role/")]
    public void Role_ARN_that_is_not_an_IAM_role_is_refused(string arn)
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(new ClaimCheckOptions { RoleArn = arn }.Validate);

        Assert.Contains("PAYLOADGEN_ROLE_ARN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws-cn:iam::111122223333:role/writer", "111122223333")]
    [InlineData("arn:aws-us-gov:iam::210987654321:role/path/to/writer", "210987654321")]
    public void Account_id_is_read_from_role_ARNs_in_every_partition(string arn, string account)
        => Assert.Equal(account, AssumeRoleSettings.AccountIdOf(arn));

    [Theory]
    [InlineData("PAYLOADGEN_ROLE_SESSION_NAME", "has space")]
    [InlineData("PAYLOADGEN_ROLE_SESSION_NAME", "x")]
    [InlineData("PAYLOADGEN_ROLE_EXTERNAL_ID", "bad#id")]
    public void Session_name_and_external_id_follow_the_STS_rules(string name, string value)
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => FromEnvironment(new() { ["PAYLOADGEN_ROLE_ARN"] = RoleArn, [name] = value }));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_id_without_a_role_is_refused()
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => FromEnvironment(new() { ["PAYLOADGEN_ROLE_EXTERNAL_ID"] = "ext-123" }));

        Assert.Contains("PAYLOADGEN_ROLE_ARN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_bucket_owner_defaults_to_the_role_account_and_an_explicit_owner_wins()
    {
        Assert.Equal("111122223333", new ClaimCheckOptions { RoleArn = RoleArn }.EffectiveExpectedBucketOwner);
        Assert.Equal("444455556666", new ClaimCheckOptions { RoleArn = RoleArn, ExpectedBucketOwner = "444455556666" }.EffectiveExpectedBucketOwner);
    }

    private static ClaimCheckOptions FromEnvironment(Dictionary<string, string> environment)
        => ClaimCheckOptions.FromEnvironment(name => environment.GetValueOrDefault(name));
}
