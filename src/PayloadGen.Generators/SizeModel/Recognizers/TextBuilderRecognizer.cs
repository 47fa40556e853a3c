using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Text assembled from data: <c>StringBuilder.ToString()</c> is followed into the builder (whose <c>Append</c> calls
/// <see cref="LocalFlowIndex"/> records), <c>string.Join</c> and <c>string.Concat</c> into the values they join — so a
/// CSV built over an unbounded query carries that query's evidence.
/// </summary>
internal sealed class TextBuilderRecognizer : IInvocationRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (SizeSymbols.Is(method.ContainingType, trace.Symbols.StringBuilder) && method.Name == "ToString" && invocation.Instance is { } builder)
        {
            trace.Follow(builder);
            return true;
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Join" or "Concat")
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                // The separator of Join is one short string; the values are what grows.
                if (!(method.Name == "Join" && argument.Parameter?.Ordinal == 0))
                {
                    trace.Follow(argument.Value);
                }
            }

            return true;
        }

        return false;
    }
}
