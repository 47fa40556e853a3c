using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace PayloadGen.Tests.Credentials;

/// <summary>
/// An <see cref="IAmazonSecurityTokenService"/> that answers <c>AssumeRole</c> with chosen credentials and records
/// every request; no STS emulator exists here (DESIGN.md §7).
/// </summary>
public class FakeSecurityTokenService : DispatchProxy
{
    public ConcurrentQueue<AssumeRoleRequest> Requests { get; } = new();

    /// <summary>Answers a request; may throw to simulate an STS error.</summary>
    public Func<AssumeRoleRequest, AssumeRoleResponse> Respond { get; set; } = _ => throw new InvalidOperationException("No response configured.");

    public static (IAmazonSecurityTokenService Client, FakeSecurityTokenService Fake) Create()
    {
        IAmazonSecurityTokenService proxy = Create<IAmazonSecurityTokenService, FakeSecurityTokenService>();
        return (proxy, (FakeSecurityTokenService)(object)proxy);
    }

    /// <summary>A response carrying session credentials that expire at <paramref name="expiration"/>.</summary>
    public static AssumeRoleResponse Session(string accessKeyId, string secretAccessKey, string sessionToken, DateTimeOffset expiration) => new()
    {
        Credentials = new Amazon.SecurityToken.Model.Credentials(accessKeyId, secretAccessKey, sessionToken, expiration.UtcDateTime),
        AssumedRoleUser = new AssumedRoleUser { Arn = "arn:aws:sts::111122223333:assumed-role/payload-writer/payloadgen", AssumedRoleId = "AROAEXAMPLE:payloadgen" },
    };

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod?.Name, args?.FirstOrDefault())
        {
            case ("AssumeRoleAsync", AssumeRoleRequest request):
                Requests.Enqueue(request);
                try
                {
                    return Task.FromResult(Respond(request));
                }
                catch (Exception ex)
                {
                    return Task.FromException<AssumeRoleResponse>(ex);
                }

            case ("Dispose", _):
                return null;
            default:
                throw new NotSupportedException($"FakeSecurityTokenService does not implement {targetMethod?.Name}.");
        }
    }
}
