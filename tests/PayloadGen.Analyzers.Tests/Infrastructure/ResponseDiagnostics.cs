using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// PG0101 and PG0111 as the response-size rules word them, with the paths, limits and advice they name. One place, so a
/// change to the rules' wording is one edit here and every test class's expectations follow.
/// </summary>
internal static class ResponseDiagnostics
{
    public const string SyncInvoke = "synchronous invoke";
    public const string ApiGateway = "API Gateway";
    public const string LoadBalancer = "Application Load Balancer";
    public const string SyncLimit = "6,291,556";
    public const string LoadBalancerLimit = "1,048,576";

    public const string ClaimCheck = "add [ClaimCheck] to offload large responses to S3";
    public const string Redirect = "add [ClaimCheck] to answer large bodies with a redirect to a copy in S3";
    public const string Paging = "page the response or return a presigned S3 URL instead of the data";
    public const string UseClaimCheckSerializer = "pass a [ClaimCheckSerializer] class to LambdaBootstrapBuilder.Create instead of this serializer to offload large responses to S3";

    /// <summary>PG0101 at markup location <paramref name="location"/>: the response of <paramref name="method"/> is likely over the limit.</summary>
    public static DiagnosticResult Likely(int location, string method, string reason, string path = SyncInvoke, string limit = SyncLimit, string action = ClaimCheck) =>
        new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(location)
            .WithMessage($"The response of '{method}' is likely to exceed the {path} limit of {limit} bytes: {reason}; {action}");

    /// <summary>PG0111 at markup location <paramref name="location"/>: the response of <paramref name="method"/> may be over the limit.</summary>
    public static DiagnosticResult Possible(int location, string method, string reason, string path = SyncInvoke, string limit = SyncLimit, string action = ClaimCheck) =>
        new DiagnosticResult(Rules.ResponseMayExceedLimit).WithLocation(location)
            .WithMessage($"The response of '{method}' may exceed the {path} limit of {limit} bytes: {reason}; {action}");
}
