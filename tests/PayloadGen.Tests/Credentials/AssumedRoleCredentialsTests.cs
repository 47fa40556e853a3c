using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Xunit;

namespace PayloadGen.Tests.Credentials;

/// <summary>Assumed-role credentials are fetched once, reused, and renewed only after the refresh point.</summary>
public sealed class AssumedRoleCredentialsTests
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/payload-writer";

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly IAmazonSecurityTokenService _sts;
    private readonly FakeSecurityTokenService _fakeSts;
    private int _sessions;

    public AssumedRoleCredentialsTests()
    {
        (_sts, _fakeSts) = FakeSecurityTokenService.Create();
        _fakeSts.Respond = _ =>
        {
            int session = ++_sessions;
            return FakeSecurityTokenService.Session($"ASIA{session}", $"secret-{session}", $"token-{session}", _clock.Now.AddHours(1));
        };
    }

    [Fact]
    public async Task First_use_assumes_the_configured_role_and_session()
    {
        using var credentials = new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn, ExternalId = "ext-123", SessionName = "orders-fn", DurationSeconds = 1800 }, _clock);

        ImmutableCredentials immutable = await credentials.GetCredentialsAsync();

        AssumeRoleRequest request = Assert.Single(_fakeSts.Requests);
        Assert.Equal((RoleArn, "ext-123", "orders-fn", 1800), (request.RoleArn, request.ExternalId, request.RoleSessionName, request.DurationSeconds));
        Assert.Equal(("ASIA1", "secret-1", "token-1", "111122223333"), (immutable.AccessKey, immutable.SecretKey, immutable.Token, immutable.AccountId));
        Assert.Equal(_clock.Now.AddHours(1).UtcDateTime, credentials.Expiration);
    }

    [Fact]
    public async Task Session_is_reused_until_five_minutes_before_expiry_then_renewed_once()
    {
        using var credentials = new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn }, _clock);

        Assert.Equal("ASIA1", (await credentials.GetCredentialsAsync()).AccessKey);
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("ASIA1", (await credentials.GetCredentialsAsync()).AccessKey);
        _clock.Advance(TimeSpan.FromMinutes(25) - TimeSpan.FromSeconds(1)); // 54:59 into the hour
        Assert.Equal("ASIA1", credentials.GetCredentials().AccessKey);
        Assert.Single(_fakeSts.Requests);

        _clock.Advance(TimeSpan.FromSeconds(1)); // 55:00, the refresh point
        Assert.Equal("ASIA2", (await credentials.GetCredentialsAsync()).AccessKey);
        Assert.Equal("ASIA2", (await credentials.GetCredentialsAsync()).AccessKey);
        Assert.Equal(2, _fakeSts.Requests.Count);
    }

    [Fact]
    public async Task Refresh_point_follows_the_configured_margin()
    {
        using var credentials = new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn }, _clock) { RefreshBeforeExpiry = TimeSpan.FromMinutes(1) };

        await credentials.GetCredentialsAsync();
        _clock.Advance(TimeSpan.FromMinutes(58));
        await credentials.GetCredentialsAsync();
        Assert.Single(_fakeSts.Requests);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await credentials.GetCredentialsAsync();
        Assert.Equal(2, _fakeSts.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_first_calls_assume_the_role_once()
    {
        using var credentials = new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn }, _clock);

        ImmutableCredentials[] all = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(credentials.GetCredentialsAsync)));

        Assert.Single(_fakeSts.Requests);
        Assert.All(all, immutable => Assert.Equal("ASIA1", immutable.AccessKey));
    }

    [Fact]
    public async Task STS_refusal_names_the_role_and_the_permissions_to_fix_without_any_secret()
    {
        _fakeSts.Respond = _ => throw new AmazonSecurityTokenServiceException("User is not authorized to perform: sts:AssumeRole") { ErrorCode = "AccessDenied", StatusCode = HttpStatusCode.Forbidden };
        using var credentials = new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn, ExternalId = "ext-secretish" }, _clock);

        var error = await Assert.ThrowsAsync<RoleAssumptionException>(credentials.GetCredentialsAsync);

        Assert.Equal(RoleArn, error.RoleArn);
        Assert.Contains(RoleArn, error.Message, StringComparison.Ordinal);
        Assert.Contains("AccessDenied (403)", error.Message, StringComparison.Ordinal);
        Assert.Contains("sts:AssumeRole", error.Message, StringComparison.Ordinal);
        Assert.Contains("trust policy", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ext-secretish", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_renewal_keeps_the_current_session_while_it_is_still_valid()
    {
        using var credentials = new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn }, _clock);
        await credentials.GetCredentialsAsync();
        _fakeSts.Respond = _ => throw new AmazonSecurityTokenServiceException("Rate exceeded") { ErrorCode = "Throttling", StatusCode = HttpStatusCode.BadRequest };

        _clock.Advance(TimeSpan.FromMinutes(56));
        Assert.Equal("ASIA1", (await credentials.GetCredentialsAsync()).AccessKey);
        _clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(30)); // 30 s left: too close to use
        await Assert.ThrowsAsync<RoleAssumptionException>(credentials.GetCredentialsAsync);
        Assert.Equal(3, _fakeSts.Requests.Count);
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_at_construction()
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => new AssumedRoleCredentials(_sts, new AssumeRoleSettings { RoleArn = RoleArn, DurationSeconds = 7200 }));

        Assert.Contains("role chaining", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fakeSts.Requests);
    }
}
