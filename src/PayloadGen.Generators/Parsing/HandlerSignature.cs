using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>The parts of a handler's signature the wrapper depends on; parser-internal, so it may hold symbols.</summary>
internal sealed class HandlerSignature
{
    public HandlerSignature(
        EquatableArray<HandlerParameter> parameters,
        ITypeSymbol? requestType,
        ReturnShape returnShape,
        ITypeSymbol? responseType)
    {
        Parameters = parameters;
        RequestType = requestType;
        ReturnShape = returnShape;
        ResponseType = responseType;
    }

    public EquatableArray<HandlerParameter> Parameters { get; }

    /// <summary>The payload parameter's type, with its nullable annotation.</summary>
    public ITypeSymbol? RequestType { get; }

    public ReturnShape ReturnShape { get; }

    /// <summary>The response type (<c>T</c> of <c>Task&lt;T&gt;</c>), with its nullable annotation.</summary>
    public ITypeSymbol? ResponseType { get; }
}
