using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// A recognizer whose meaning depends on the called method and its arguments (a serializer serializes its first
/// argument, <c>Convert.ToBase64String</c> encodes it), so it also knows what calling a delegate that holds a
/// <em>static</em> method group means: <c>static readonly Func&lt;object, string&gt; Serialize =
/// JsonConvert.SerializeObject;</c> then <c>Serialize(rows)</c>. Only a static group with no receiver is asked: then
/// the delegate call's arguments are the method's, parameter for parameter.
/// </summary>
internal interface IStaticGroupRecognizer
{
    /// <summary>
    /// Reports what calling static <paramref name="method"/> with <paramref name="arguments"/> (the delegate call's) means
    /// through <paramref name="trace"/>; true when the method belongs to this family.
    /// </summary>
    bool RecognizeStaticGroup(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, ValueTrace trace);
}
