using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Knows what the calls of one API family mean for the size of their result: evidence (a whole file, every page),
/// a bound (one page, <c>Take(n)</c>), or which operand to follow (a serializer's input). One family per
/// implementation, each in its own file with its own tests; the engine asks them in order.
/// </summary>
internal interface IInvocationRecognizer
{
    /// <summary>
    /// Reports what <paramref name="invocation"/> means through <paramref name="trace"/> and returns true when the call
    /// belongs to this family (even when it means nothing for size); false lets the next recognizer look.
    /// </summary>
    bool Recognize(IInvocationOperation invocation, ValueTrace trace);
}
