using System;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Streams read whole: <c>ReadToEnd(Async)</c> on a reader (an S3 object's <c>ResponseStream</c>, a request body), and
/// <c>MemoryStream.ToArray/GetBuffer</c>, followed to what filled the stream (<c>CopyTo</c> is found where the
/// buffer is filled, by <see cref="LocalFlowIndex"/>).
/// </summary>
internal sealed class StreamReadRecognizer : IInvocationRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace)
    {
        string name = invocation.TargetMethod.Name;
        if (SizeSymbols.IsOrDerives(invocation.TargetMethod.ContainingType, trace.Symbols.TextReader))
        {
            if (name.StartsWith("ReadToEnd", StringComparison.Ordinal))
            {
                trace.Found(EvidenceKind.WholeStream, name);
            }

            return true;
        }

        if (name is "ToArray" or "GetBuffer"
            && invocation.Instance is { } stream
            && SizeSymbols.IsOrDerives(invocation.TargetMethod.ContainingType, trace.Symbols.MemoryStream))
        {
            trace.Follow(stream);
            return true;
        }

        return false;
    }
}
