using System;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary><c>File.ReadAllBytes/Text/Lines(Async)</c>, <c>File.ReadLines</c>, <c>File.Open*</c>: a whole file read into the value.</summary>
internal sealed class FileReadRecognizer : IInvocationRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace)
    {
        if (!SizeSymbols.Is(invocation.TargetMethod.ContainingType, trace.Symbols.File))
        {
            return false;
        }

        string name = invocation.TargetMethod.Name;
        if (name.StartsWith("ReadAll", StringComparison.Ordinal) || name.StartsWith("ReadLines", StringComparison.Ordinal) || name.StartsWith("Open", StringComparison.Ordinal))
        {
            trace.Found(EvidenceKind.WholeFile, "File." + name);
        }

        return true;
    }
}
