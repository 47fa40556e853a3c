using System;

namespace PayloadGen;

/// <summary>
/// The role PayloadGen assumes through STS to write payloads into a bucket of another account, and the session it
/// asks for. <see cref="ClaimCheckOptions"/> carries the same settings from the <c>PAYLOADGEN_ROLE_*</c> variables.
/// </summary>
public sealed class AssumeRoleSettings
{
    /// <summary>The session name used when none is configured; it appears in the target account's CloudTrail.</summary>
    public const string DefaultSessionName = "payloadgen";

    /// <summary>The shortest session STS grants: 15 minutes.</summary>
    public const int MinDurationSeconds = 900;

    /// <summary>
    /// The longest session a role may get from another role: one hour. A Lambda function already runs as its
    /// execution role, so its <c>AssumeRole</c> call is role chaining, which AWS caps here whatever the target
    /// role's maximum session duration says.
    /// </summary>
    public const int MaxChainedDurationSeconds = 3600;

    /// <summary>The ARN of the role to assume, such as <c>arn:aws:iam::111122223333:role/payload-writer</c>.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The role session name (2–64 characters of letters, digits and <c>+=,.@_-</c>).</summary>
    public string SessionName { get; init; } = DefaultSessionName;

    /// <summary>The external id the target role's trust policy requires, if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>How long each session lasts, 900 to 3600 seconds (default 3600).</summary>
    public int DurationSeconds { get; init; } = MaxChainedDurationSeconds;

    /// <summary>The account the role belongs to, taken from <see cref="RoleArn"/>.</summary>
    /// <exception cref="ClaimCheckConfigurationException">The ARN is not an IAM role ARN.</exception>
    public string AccountId => AccountIdOf(RoleArn) ?? throw new ClaimCheckConfigurationException(RoleArnProblem(RoleArn));

    /// <summary>Checks every setting against what STS accepts, so mistakes surface at start-up, not at the first offload.</summary>
    /// <exception cref="ClaimCheckConfigurationException">A setting cannot work.</exception>
    public void Validate()
    {
        if (AccountIdOf(RoleArn) is null)
        {
            throw new ClaimCheckConfigurationException(RoleArnProblem(RoleArn));
        }

        if (DurationSeconds is < MinDurationSeconds or > MaxChainedDurationSeconds)
        {
            throw new ClaimCheckConfigurationException(
                $"{EnvironmentVariables.RoleDurationSeconds} (ClaimCheckOptions.RoleDurationSeconds) is {DurationSeconds} but must be between {MinDurationSeconds} and {MaxChainedDurationSeconds} seconds. "
                + "A Lambda function already runs as a role, so assuming another role is role chaining, which AWS caps at one hour (3600 s) whatever the target role's maximum session duration says; "
                + "PayloadGen refreshes the session before it expires, so a longer one is never needed.");
        }

        if (!IsValid(SessionName, 2, 64, allowColonAndSlash: false))
        {
            throw new ClaimCheckConfigurationException($"{EnvironmentVariables.RoleSessionName} must be 2 to 64 characters of letters, digits and +=,.@_- (STS's rule).");
        }

        if (ExternalId is not null && !IsValid(ExternalId, 2, 1224, allowColonAndSlash: true))
        {
            throw new ClaimCheckConfigurationException($"{EnvironmentVariables.RoleExternalId} must be 2 to 1224 characters of letters, digits and +=,.@:/_- (STS's rule).");
        }
    }

    /// <summary>
    /// The account id in an IAM role ARN (<c>arn:&lt;partition&gt;:iam::&lt;account&gt;:role/&lt;name&gt;</c>), or
    /// <see langword="null"/> when <paramref name="roleArn"/> is not one.
    /// </summary>
    public static string? AccountIdOf(string? roleArn)
    {
        string[] parts = (roleArn ?? string.Empty).Split(':', 6);
        bool isRoleArn = parts.Length == 6
            && parts[0] == "arn"
            && parts[1].StartsWith("aws", StringComparison.Ordinal)
            && parts[2] == "iam"
            && parts[3].Length == 0
            && IsAccountId(parts[4])
            && parts[5].StartsWith("role/", StringComparison.Ordinal) && parts[5].Length > "role/".Length;
        return isRoleArn ? parts[4] : null;
    }

    private static string RoleArnProblem(string? roleArn)
        => $"{EnvironmentVariables.RoleArn} must be an IAM role ARN such as arn:aws:iam::111122223333:role/payload-writer, not '{roleArn}'.";

    /// <summary>Whether <paramref name="value"/> is an AWS account id: exactly 12 digits.</summary>
    internal static bool IsAccountId(string value)
    {
        if (value.Length != 12)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValid(string value, int minLength, int maxLength, bool allowColonAndSlash)
    {
        if (value.Length < minLength || value.Length > maxLength)
        {
            return false;
        }

        foreach (char c in value)
        {
            bool allowed = char.IsAsciiLetterOrDigit(c) || c is '+' or '=' or ',' or '.' or '@' or '_' or '-'
                || (allowColonAndSlash && c is ':' or '/');
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
