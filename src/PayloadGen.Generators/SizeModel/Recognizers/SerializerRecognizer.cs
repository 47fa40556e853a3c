using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// JSON serializers: System.Text.Json's <c>JsonSerializer.Serialize*</c>, Newtonsoft.Json's
/// <c>JsonConvert.SerializeObject</c> and its LINQ-to-JSON <c>JToken.FromObject(value)</c> (a <c>JToken</c>'s
/// <c>ToString()</c> is followed into the token). The serialized value is followed, and its type is recorded so the size model
/// can judge what the text holds (the <c>Body</c> of a proxy response is a string whose type says nothing). A
/// parameter serialized inside a helper is recorded by ordinal, for the caller to name the argument's type. A serializer
/// held as a static method group in a delegate (<c>Func&lt;object, string&gt; serialize = JsonConvert.SerializeObject</c>)
/// serializes what the delegate is called with.
/// </summary>
internal sealed class SerializerRecognizer : IInvocationRecognizer, IStaticGroupRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace) =>
        Recognize(invocation.TargetMethod, invocation.Arguments, invocation.Instance, trace);

    public bool RecognizeStaticGroup(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, ValueTrace trace) =>
        method.IsStatic && Recognize(method, arguments, instance: null, trace);

    private static bool Recognize(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, IOperation? instance, ValueTrace trace)
    {
        bool systemTextJson = SizeSymbols.Is(method.ContainingType, trace.Symbols.JsonSerializer) && method.Name.StartsWith("Serialize", StringComparison.Ordinal);
        bool newtonsoft = (SizeSymbols.Is(method.ContainingType, trace.Symbols.NewtonsoftJsonConvert) && method.Name == "SerializeObject")
            || (SizeSymbols.IsOrDerives(method.ContainingType, trace.Symbols.NewtonsoftJToken) && method.Name == "FromObject");
        if (!systemTextJson && !newtonsoft)
        {
            if (SizeSymbols.IsOrDerives(method.ContainingType, trace.Symbols.NewtonsoftJToken) && method.Name == "ToString" && instance is { } token)
            {
                trace.Follow(token);
                return true;
            }

            return false;
        }

        if (arguments.Length == 0)
        {
            return true;
        }

        IOperation serialized = OperationText.Unwrap(arguments[0].Value);
        ITypeSymbol? serializedType = method.IsGenericMethod ? method.TypeArguments[0] : serialized.Type;
        if (serialized is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, trace.Owner))
        {
            trace.Findings.AddSerializedParameter(parameter.Parameter.Ordinal);
        }
        else if (serializedType is not null)
        {
            trace.Findings.AddSerializedType(serializedType);
        }

        trace.Follow(serialized);
        return true;
    }
}
