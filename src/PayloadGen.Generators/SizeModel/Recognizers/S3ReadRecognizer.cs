using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Amazon S3 client calls: a listing (<c>ListObjects(V2)</c>) is one page of at most 1,000 keys; other calls return
/// metadata or a stream, which is evidence only once it is read whole (<see cref="StreamReadRecognizer"/>).
/// </summary>
internal sealed class S3ReadRecognizer : IInvocationRecognizer, IMethodGroupRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace) => RecognizeGroup(invocation.TargetMethod, trace);

    public bool RecognizeGroup(IMethodSymbol method, ValueTrace trace)
    {
        if (!SizeSymbols.IsOrDerives(method.ContainingType, trace.Symbols.S3Client))
        {
            return false;
        }

        if (method.Name.StartsWith("ListObjects", StringComparison.Ordinal))
        {
            trace.Found(EvidenceKind.ListingPage, method.Name);
        }

        return true;
    }
}
