namespace PayloadGen.Generators.Model;

/// <summary>
/// The few facts about the whole compilation that wrappers depend on. Reduced from the <c>Compilation</c> before it
/// is combined with the handlers, so that an edit which leaves these facts equal leaves every handler cached.
/// </summary>
/// <param name="AssemblyName">The assembly name, the first part of every Lambda handler string.</param>
/// <param name="HasLambdaContext">Whether <c>Amazon.Lambda.Core.ILambdaContext</c> is visible to the compilation.</param>
/// <param name="HasRuntime">
/// Whether the PayloadGen runtime library is referenced; without it a wrapper could not compile, so none is written.
/// </param>
internal readonly record struct CompilationFacts(string AssemblyName, bool HasLambdaContext, bool HasRuntime);
