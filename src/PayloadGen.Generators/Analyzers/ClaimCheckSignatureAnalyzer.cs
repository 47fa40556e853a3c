using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0002: methods a wrapper cannot call or Lambda cannot bind — by-reference parameters and returns, a second
/// payload, types JSON cannot handle, generic or <c>async void</c> methods, queue handlers without a payload or with a
/// result, and containing types no generated part can extend. The verdict is the generator's own
/// (<see cref="Parsing.HandlerShapeReader"/>).
/// </summary>
public sealed class ClaimCheckSignatureAnalyzer : RefusalAnalyzer
{
    public ClaimCheckSignatureAnalyzer()
        : base(Rules.UnsupportedHandlerSignature)
    {
    }
}
