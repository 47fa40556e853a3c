namespace PayloadGen.Generators.Diagnostics;

/// <summary>Every diagnostic id PayloadGen reports, named by what it means.</summary>
/// <remarks><c>PG00xx</c> are usage rules, <c>PG01xx</c> size rules (<c>PG011x</c> the type-only "possible" level).</remarks>
public static class DiagnosticIds
{
    public const string ContainingTypeMustBePartial = "PG0001";
    public const string UnsupportedHandlerSignature = "PG0002";
    public const string HandlerTypeNeedsParameterlessConstructor = "PG0003";
    public const string DeployedHandlerBypassesClaimCheck = "PG0004";
    public const string JsonContextRequiredForAot = "PG0005";
    public const string GeneratedNameTaken = "PG0006";
    public const string InvalidClaimCheckArgument = "PG0007";
    public const string ConfigurationMemberIgnored = "PG0008";
    public const string PointerBehindHttp = "PG0009";
    public const string ClaimCheckSerializerNotGenerated = "PG0010";

    public const string ResponseLikelyExceedsLimit = "PG0101";
    public const string RequestLikelyExceedsLimit = "PG0102";
    public const string MessageLikelyExceedsLimit = "PG0103";

    public const string ResponseMayExceedLimit = "PG0111";
    public const string RequestMayExceedLimit = "PG0112";
    public const string MessageMayExceedLimit = "PG0113";
}
