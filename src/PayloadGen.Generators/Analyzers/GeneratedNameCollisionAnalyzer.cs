using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0006: a generated member's name is already taken — by a member, an inherited member, the type itself, another
/// <c>[ClaimCheck]</c> overload, or a base type's <c>[ClaimCheck]</c> method whose wrapper this one would hide.
/// </summary>
public sealed class GeneratedNameCollisionAnalyzer : RefusalAnalyzer
{
    public GeneratedNameCollisionAnalyzer()
        : base(Rules.GeneratedNameTaken)
    {
    }
}
