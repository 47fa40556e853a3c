using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Calls whose result is their first argument in another form: <c>Convert.ToBase64String</c> (unbounded bytes become
/// unbounded text, 4/3 larger), <c>Encoding.GetString/GetBytes</c>, <c>Task.FromResult</c>/<c>ValueTask.FromResult</c>.
/// </summary>
internal sealed class PassThroughRecognizer : IInvocationRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace)
    {
        IMethodSymbol method = invocation.TargetMethod;
        SizeSymbols symbols = trace.Symbols;
        bool passesThrough =
            (SizeSymbols.Is(method.ContainingType, symbols.Convert) && method.Name.StartsWith("ToBase64", StringComparison.Ordinal))
            || (SizeSymbols.IsOrDerives(method.ContainingType, symbols.Encoding) && method.Name is "GetString" or "GetBytes")
            || ((SizeSymbols.Is(method.ContainingType, symbols.Task) || SizeSymbols.Is(method.ContainingType, symbols.ValueTask)) && method.Name == "FromResult");
        if (!passesThrough)
        {
            return false;
        }

        if (invocation.Arguments.Length > 0)
        {
            trace.Follow(invocation.Arguments[0].Value);
        }

        return true;
    }
}
