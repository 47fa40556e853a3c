using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary><c>File.ReadAllBytes/Text/Lines(Async)</c>, <c>File.ReadLines</c>, <c>File.Open*</c>: a whole file read into the value.</summary>
internal sealed class FileReadRecognizer : IInvocationRecognizer, IMethodGroupRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace) => RecognizeGroup(invocation.TargetMethod, trace);

    public bool RecognizeGroup(IMethodSymbol method, ValueTrace trace)
    {
        if (!SizeSymbols.Is(method.ContainingType, trace.Symbols.File))
        {
            return false;
        }

        string name = method.Name;
        if (name.StartsWith("ReadAll", StringComparison.Ordinal) || name.StartsWith("ReadLines", StringComparison.Ordinal) || name.StartsWith("Open", StringComparison.Ordinal))
        {
            trace.Found(EvidenceKind.WholeFile, "File." + name);
        }

        return true;
    }
}
