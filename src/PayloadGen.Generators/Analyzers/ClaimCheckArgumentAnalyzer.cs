using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>PG0007: a <c>[ClaimCheck]</c> argument no wrapper can use — an undefined <c>Source</c>, a <c>JsonContext</c> that is not a context.</summary>
public sealed class ClaimCheckArgumentAnalyzer : RefusalAnalyzer
{
    public ClaimCheckArgumentAnalyzer()
        : base(Rules.InvalidClaimCheckArgument)
    {
    }
}
