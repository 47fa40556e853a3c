using System;

namespace PayloadGen;

/// <summary>
/// STS refused or failed to give PayloadGen credentials for the configured cross-account role, so nothing could be
/// written to (or read from) the target bucket.
/// </summary>
public sealed class RoleAssumptionException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public RoleAssumptionException(string roleArn, string reason, Exception? innerException = null)
        : base($"Assuming role '{roleArn}' through STS failed: {reason}. The function's execution role needs sts:AssumeRole on that role, and the role's trust policy must allow the execution role (with the external id, when one is configured). See docs/guides/cross-account.md.", innerException)
    {
        RoleArn = roleArn;
    }

    /// <summary>The role that could not be assumed.</summary>
    public string RoleArn { get; }
}
