namespace PayloadGen.Generators.Diagnostics;

/// <summary>The one place that knows where rule documentation lives.</summary>
public static class RuleHelpLinks
{
    private const string RulesBaseUri = "https://github.com/payloadgen/payloadgen/blob/main/docs/rules/";

    /// <summary>The help page of rule <paramref name="id"/>: <c>docs/rules/{id}.md</c>.</summary>
    public static string For(string id) => RulesBaseUri + id + ".md";
}
