namespace PayloadGen.Generators.Diagnostics;

/// <summary>The one place that knows where rule documentation lives.</summary>
/// <remarks>
/// The repository comes from the MSBuild property <c>PayloadGenRepositoryUrl</c> (Directory.Build.props), which also
/// sets the package's <c>RepositoryUrl</c> and <c>PackageProjectUrl</c>; publishing from another home sets it once.
/// </remarks>
public static class RuleHelpLinks
{
    /// <summary>The folder of the rule pages: <c>{repository}/blob/main/docs/rules/</c>.</summary>
    public static readonly string RulesBaseUri = RepositoryInfo.Url.TrimEnd('/') + "/blob/main/docs/rules/";

    /// <summary>The help page of rule <paramref name="id"/>: <c>docs/rules/{id}.md</c>.</summary>
    public static string For(string id) => RulesBaseUri + id + ".md";
}
