using System;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Diagnostics;

/// <summary>
/// The one table from a <see cref="SerializerRefusalReason"/> to the text that says what to change, reported under
/// <see cref="Rules.ClaimCheckSerializerNotGenerated"/>. A reason without a message here would be a silent skip; the
/// tests walk every value.
/// </summary>
internal static class SerializerRefusalRules
{
    /// <summary>What is wrong and what to change: the last argument of the rule's message.</summary>
    public static string Explain(SerializerRefusal refusal) => refusal.Reason switch
    {
        SerializerRefusalReason.NoLambdaSerializerInterface =>
            "the compilation has no Amazon.Lambda.Core.ILambdaSerializer; add a reference to the Amazon.Lambda.Core package",
        SerializerRefusalReason.NotPartial =>
            $"'{refusal.Detail}' is not partial; make it partial",
        SerializerRefusalReason.NestedType =>
            $"it is nested in '{refusal.Detail}'; declare it directly in a namespace",
        SerializerRefusalReason.GenericType =>
            "it is generic and Lambda cannot supply type arguments; use a non-generic class",
        SerializerRefusalReason.NotInstantiable =>
            $"it is {refusal.Detail} and Lambda must create an instance; remove the '{refusal.Detail}' modifier",
        SerializerRefusalReason.ParameterlessConstructorNotPublic =>
            $"its parameterless constructor is {refusal.Detail} and Lambda creates the serializer through it; make it public",
        SerializerRefusalReason.GeneratedMemberTaken =>
            $"it declares '{refusal.Detail}', which the generator adds; remove or rename it",
        SerializerRefusalReason.InvalidJsonContext =>
            $"JsonContext '{refusal.Detail}' is not a concrete, non-generic JsonSerializerContext; set JsonContext to a partial class deriving from JsonSerializerContext with [JsonSerializable] for every request and response type",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Reason, "A serializer refusal reason has no message."),
    };
}
