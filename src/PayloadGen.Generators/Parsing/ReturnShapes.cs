using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// How a method returns its response: the one reading of <c>T</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>,
/// <c>Task</c>, <c>ValueTask</c> and <c>void</c>, shared by the generator's signature reader and the size analyzers.
/// </summary>
internal static class ReturnShapes
{
    /// <summary>
    /// The return shape of <paramref name="method"/>, with the response type (the <c>T</c> of a task, with its
    /// nullable annotation) in <paramref name="response"/>, or <see langword="null"/> when there is no response.
    /// </summary>
    public static ReturnShape Read(IMethodSymbol method, out ITypeSymbol? response)
    {
        response = null;
        if (method.ReturnsVoid)
        {
            return ReturnShape.Void;
        }

        ITypeSymbol type = method.ReturnType;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic)
        {
            INamedTypeSymbol definition = generic.OriginalDefinition;
            if (SymbolNames.Is(definition, KnownTypeNames.TaskOfT))
            {
                response = generic.TypeArguments[0];
                return ReturnShape.TaskOfValue;
            }

            if (SymbolNames.Is(definition, KnownTypeNames.ValueTaskOfT))
            {
                response = generic.TypeArguments[0];
                return ReturnShape.ValueTaskOfValue;
            }
        }
        else if (SymbolNames.Is(type, KnownTypeNames.Task))
        {
            return ReturnShape.Task;
        }
        else if (SymbolNames.Is(type, KnownTypeNames.ValueTask))
        {
            return ReturnShape.ValueTask;
        }

        response = type;
        return ReturnShape.Value;
    }
}
