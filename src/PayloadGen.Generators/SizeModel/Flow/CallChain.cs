using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The methods whose summaries are being computed, innermost first: an immutable list, so concurrent traces never
/// share one. Cuts recursion (a method already on the chain) and caps depth.
/// </summary>
internal sealed class CallChain
{
    /// <summary>How many methods deep evidence is followed: a handler, a service, a repository, a helper of it.</summary>
    public const int MaxDepth = 4;

    public static readonly CallChain Root = new(null, null, 0);

    private readonly CallChain? _outer;
    private readonly IMethodSymbol? _method;

    private CallChain(CallChain? outer, IMethodSymbol? method, int depth)
    {
        _outer = outer;
        _method = method;
        Depth = depth;
    }

    public int Depth { get; }

    /// <summary>The chain extended by <paramref name="method"/>, or null when that would recurse or go too deep.</summary>
    public CallChain? Enter(IMethodSymbol method)
    {
        if (Depth >= MaxDepth)
        {
            return null;
        }

        for (CallChain? current = this; current is not null; current = current._outer)
        {
            if (SymbolEqualityComparer.Default.Equals(current._method, method))
            {
                return null;
            }
        }

        return new CallChain(this, method, Depth + 1);
    }
}
