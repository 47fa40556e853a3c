using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// A recognizer whose meaning depends on the called method alone, not on its arguments or receiver (a whole-file
/// read, a drained search, a listing page), so it also knows what calling a delegate that holds the method group
/// means: <c>static readonly Func&lt;string, string&gt; ReadExport = File.ReadAllText;</c> then <c>ReadExport(path)</c>.
/// </summary>
internal interface IMethodGroupRecognizer
{
    /// <summary>
    /// Reports what a call to <paramref name="method"/> means through <paramref name="trace"/> and returns true when the
    /// method belongs to this family (even when it means nothing for size).
    /// </summary>
    bool RecognizeGroup(IMethodSymbol method, ValueTrace trace);
}
