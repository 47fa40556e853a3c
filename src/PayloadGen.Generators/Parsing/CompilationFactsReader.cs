using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>Reduces a compilation to the <see cref="CompilationFacts"/> wrappers depend on.</summary>
internal static class CompilationFactsReader
{
    /// <summary>Reads the facts; runs on every compilation change, so it only looks types up by name.</summary>
    public static CompilationFacts Read(Compilation compilation) => new(
        compilation.AssemblyName ?? string.Empty,
        compilation.GetTypeByMetadataName(KnownTypeNames.LambdaContext) is not null,
        compilation.GetTypeByMetadataName(KnownTypeNames.ClaimCheckRuntime) is not null);
}
