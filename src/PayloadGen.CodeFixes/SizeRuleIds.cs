using System.Collections.Immutable;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.CodeFixes;

/// <summary>The size rules about a handler's own payloads, which the handler-level fixes answer.</summary>
internal static class SizeRuleIds
{
    public static ImmutableArray<string> HandlerPayloads { get; } = ImmutableArray.Create(
        DiagnosticIds.ResponseLikelyExceedsLimit,
        DiagnosticIds.ResponseMayExceedLimit,
        DiagnosticIds.RequestLikelyExceedsLimit,
        DiagnosticIds.RequestMayExceedLimit);
}
