using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Emit;

/// <summary>
/// The expression that obtains a payload type's <c>JsonTypeInfo&lt;T&gt;</c>.
/// </summary>
/// <remarks>
/// Without a <c>JsonSerializerContext</c> the wrapper calls the reflection overloads of <c>ClaimCheckJson</c>, which
/// carry <c>[RequiresUnreferencedCode]</c> and <c>[RequiresDynamicCode]</c>. The wrapper deliberately neither
/// propagates nor suppresses them. Propagating would move the warning to the wrapper's callers, and there are none in
/// user code (Lambda calls it by reflection), so the warning would silently disappear; suppressing would hide a real
/// Native AOT failure. Left alone, a project that enables the trim or AOT analyzers gets IL2026/IL3050 on this line,
/// telling the user to supply <c>[ClaimCheck(JsonContext = …)]</c>; an ordinary project runs no such analyzer and
/// sees no warning.
/// </remarks>
internal static class JsonTypeInfoExpression
{
    private const string ClaimCheckJson = "global::PayloadGen.ClaimCheckJson";

    /// <summary>The expression for <paramref name="typeName"/> under the handler's JSON metadata choice.</summary>
    public static string For(JsonMetadataSpec json, string typeName)
    {
        string call = ClaimCheckJson + ".GetTypeInfo<" + typeName + ">";
        return json.Kind switch
        {
            JsonMetadataKind.Context => call + "(" + json.SourceExpression + ".Default)",
            JsonMetadataKind.Options => call + "(" + json.SourceExpression + ")",
            _ => call + "()",
        };
    }
}
