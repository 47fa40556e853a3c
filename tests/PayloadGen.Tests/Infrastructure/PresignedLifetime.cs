using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// The lifetime a presigned URL was signed with (<c>X-Amz-Expires</c>). PayloadGen asks the SDK for an expiry time
/// (now + lifetime); the SDK signs the seconds from its own clock at signing to that time, so a thread preempted between
/// the two on a loaded machine signs a second less. Tests accept that, and never a second more: a URL is a bearer token.
/// </summary>
internal static partial class PresignedLifetime
{
    public static void AssertSignedFor(string url, int seconds)
    {
        Match match = ExpiresParameter().Match(url);
        Assert.True(match.Success, $"no X-Amz-Expires in {url}");
        int signed = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(signed, Math.Max(1, seconds - 1), seconds);
    }

    [GeneratedRegex(@"[?&]X-Amz-Expires=(\d+)(?:&|$)")]
    private static partial Regex ExpiresParameter();
}
