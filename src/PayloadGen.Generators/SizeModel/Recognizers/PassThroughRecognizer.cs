using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Calls whose result is their first argument in another form: <c>Convert.ToBase64String</c> (unbounded bytes become
/// unbounded text, 4/3 larger), <c>Encoding.GetString/GetBytes</c>, <c>Task.FromResult</c>/<c>ValueTask.FromResult</c>;
/// also through a delegate holding the static method group (<c>Func&lt;byte[], string&gt; encode = Convert.ToBase64String</c>).
/// </summary>
internal sealed class PassThroughRecognizer : IInvocationRecognizer, IStaticGroupRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace) => Recognize(invocation.TargetMethod, invocation.Arguments, trace);

    public bool RecognizeStaticGroup(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, ValueTrace trace) =>
        method.IsStatic && Recognize(method, arguments, trace);

    private static bool Recognize(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, ValueTrace trace)
    {
        SizeSymbols symbols = trace.Symbols;
        bool passesThrough =
            (SizeSymbols.Is(method.ContainingType, symbols.Convert) && method.Name.StartsWith("ToBase64", StringComparison.Ordinal))
            || (SizeSymbols.IsOrDerives(method.ContainingType, symbols.Encoding) && method.Name is "GetString" or "GetBytes")
            || ((SizeSymbols.Is(method.ContainingType, symbols.Task) || SizeSymbols.Is(method.ContainingType, symbols.ValueTask)) && method.Name == "FromResult");
        if (!passesThrough)
        {
            return false;
        }

        if (arguments.Length > 0)
        {
            trace.Follow(arguments[0].Value);
        }

        return true;
    }
}
