namespace PayloadGen.Generators.Emit;

/// <summary>The tool name and version written into every <c>[GeneratedCode]</c> attribute.</summary>
internal static class GeneratorIdentity
{
    public const string Name = "PayloadGen.Generators";

    // The assembly version rather than the informational one: the latter carries a commit hash that would change
    // every generated file on every commit.
    public static readonly string Version = typeof(GeneratorIdentity).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <summary>The attribute, <c>global::</c>-qualified.</summary>
    public static readonly string GeneratedCodeAttribute =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Name + "\", \"" + Version + "\")]";
}
