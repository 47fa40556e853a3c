using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Streams read whole: <c>ReadToEnd(Async)</c> on a reader (an S3 object's <c>ResponseStream</c>, a request body), and
/// <c>MemoryStream.ToArray/GetBuffer</c>, followed to what filled the stream (<c>CopyTo</c> is found where the
/// buffer is filled, by <see cref="LocalFlowIndex"/>).
/// </summary>
internal sealed class StreamReadRecognizer : IInvocationRecognizer, IMethodGroupRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace)
    {
        if (RecognizeGroup(invocation.TargetMethod, trace))
        {
            return true;
        }

        string name = invocation.TargetMethod.Name;
        if (name is "ToArray" or "GetBuffer"
            && invocation.Instance is { } stream
            && SizeSymbols.IsOrDerives(invocation.TargetMethod.ContainingType, trace.Symbols.MemoryStream))
        {
            trace.Follow(stream);
            return true;
        }

        return false;
    }

    /// <summary>A reader's <c>ReadToEnd(Async)</c>: the rest of its stream, whoever calls it. (<c>ToArray</c> needs its stream.)</summary>
    public bool RecognizeGroup(IMethodSymbol method, ValueTrace trace)
    {
        if (!SizeSymbols.IsOrDerives(method.ContainingType, trace.Symbols.TextReader))
        {
            return false;
        }

        if (method.Name.StartsWith("ReadToEnd", StringComparison.Ordinal))
        {
            trace.Found(EvidenceKind.WholeStream, method.Name);
        }

        return true;
    }
}
