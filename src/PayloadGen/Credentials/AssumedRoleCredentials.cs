using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace PayloadGen;

/// <summary>
/// AWS credentials of a role assumed through STS, kept for the life of the execution environment and renewed a
/// few minutes before they expire, so invocations after the first make no STS call.
/// </summary>
/// <remarks>
/// The SDK's own <c>AssumeRoleAWSCredentials</c> creates its STS client by reflection and cannot be given one, which
/// rules out injecting a client (tests, custom endpoints) and Native AOT; this class takes any
/// <see cref="IAmazonSecurityTokenService"/>.
/// </remarks>
public sealed class AssumedRoleCredentials : AWSCredentials, IDisposable
{
    /// <summary>How long before expiry credentials are renewed by default: five minutes.</summary>
    public static readonly TimeSpan DefaultRefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    // A renewal that fails while the current session still has this long to live keeps the current session.
    private static readonly TimeSpan s_minimumRemaining = TimeSpan.FromMinutes(1);

    private readonly IAmazonSecurityTokenService _sts;
    private readonly bool _ownsClient;
    private readonly AssumeRoleSettings _settings;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly TimeSpan _refreshBeforeExpiry = DefaultRefreshBeforeExpiry;
    private volatile Session? _session;

    /// <summary>Creates credentials that assume <paramref name="settings"/>' role through <paramref name="securityTokenService"/>.</summary>
    /// <param name="securityTokenService">The STS client, signed with the function's own credentials; the caller owns it.</param>
    /// <param name="settings">The role and session to ask for.</param>
    /// <param name="timeProvider">The clock that decides when to renew; the system clock by default.</param>
    /// <exception cref="ClaimCheckConfigurationException">The settings cannot work.</exception>
    public AssumedRoleCredentials(IAmazonSecurityTokenService securityTokenService, AssumeRoleSettings settings, TimeProvider? timeProvider = null)
        : this(securityTokenService, settings, timeProvider, ownsClient: false)
    {
    }

    internal AssumedRoleCredentials(IAmazonSecurityTokenService securityTokenService, AssumeRoleSettings settings, TimeProvider? timeProvider, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(securityTokenService);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _sts = securityTokenService;
        _settings = settings;
        _time = timeProvider ?? TimeProvider.System;
        _ownsClient = ownsClient;
    }

    /// <summary>
    /// How long before the session expires it is renewed (default five minutes): long enough that a request signed
    /// just before the renewal point still reaches S3 in time.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry
    {
        get => _refreshBeforeExpiry;
        init => _refreshBeforeExpiry = value >= TimeSpan.Zero && value < TimeSpan.FromSeconds(AssumeRoleSettings.MinDurationSeconds)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "RefreshBeforeExpiry must be between zero and the shortest session, 15 minutes.");
    }

    /// <summary>When the current session expires (UTC), or <see langword="null"/> before the first call.</summary>
    public override DateTime? Expiration => _session?.Expiration.UtcDateTime;

    /// <inheritdoc />
    public override ImmutableCredentials GetCredentials()
        => GetCredentialsAsync().GetAwaiter().GetResult(); // The STS client is async-only on .NET; the SDK's sync path blocks the same way.

    /// <inheritdoc />
    /// <exception cref="RoleAssumptionException">STS refused the role or could not be reached, and no usable session remains.</exception>
    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        Session? session = _session;
        if (session is not null && !IsDue(session))
        {
            return session.Credentials;
        }

        await _renewing.WaitAsync().ConfigureAwait(false);
        try
        {
            // Another caller may have renewed while this one waited.
            session = _session;
            if (session is not null && !IsDue(session))
            {
                return session.Credentials;
            }

            try
            {
                session = await AssumeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or System.Net.Http.HttpRequestException or OperationCanceledException)
            {
                if (_session is Session current && current.Expiration - _time.GetUtcNow() > s_minimumRemaining)
                {
                    // STS throttled or unreachable: the current session is still good, and the next call retries.
                    return current.Credentials;
                }

                string reason = ex is AmazonServiceException service ? $"{service.ErrorCode} ({(int)service.StatusCode})" : ex.GetType().Name;
                throw new RoleAssumptionException(_settings.RoleArn, reason, ex);
            }

            _session = session;
            return session.Credentials;
        }
        finally
        {
            _renewing.Release();
        }
    }

    /// <summary>Releases the STS client when these credentials created it.</summary>
    public void Dispose()
    {
        _renewing.Dispose();
        if (_ownsClient)
        {
            _sts.Dispose();
        }
    }

    private bool IsDue(Session session) => _time.GetUtcNow() >= session.Expiration - RefreshBeforeExpiry;

    private async Task<Session> AssumeAsync()
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = _settings.RoleArn,
            RoleSessionName = _settings.SessionName,
            ExternalId = _settings.ExternalId,
            DurationSeconds = _settings.DurationSeconds,
        };
        AssumeRoleResponse response = await _sts.AssumeRoleAsync(request).ConfigureAwait(false);
        Amazon.SecurityToken.Model.Credentials credentials = response?.Credentials
            ?? throw new RoleAssumptionException(_settings.RoleArn, "STS returned no credentials");
        DateTimeOffset expiration = credentials.Expiration is DateTime expires
            ? new DateTimeOffset(DateTime.SpecifyKind(expires, expires.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)).ToUniversalTime()
            : _time.GetUtcNow().AddSeconds(_settings.DurationSeconds);
        return new Session(
            new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken, _settings.AccountId),
            expiration);
    }

    private sealed record Session(ImmutableCredentials Credentials, DateTimeOffset Expiration);
}
