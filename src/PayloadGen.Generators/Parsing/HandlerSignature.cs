using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>The parts of a handler's signature the wrapper depends on; parser-internal, so it may hold symbols.</summary>
internal sealed class HandlerSignature
{
    public HandlerSignature(
        EquatableArray<HandlerParameter> parameters,
        ITypeSymbol? requestType,
        bool declaresPayload,
        ReturnShape returnShape,
        ITypeSymbol? responseType)
    {
        Parameters = parameters;
        RequestType = requestType;
        RequestItemType = requestType is null ? null : PayloadTypes.AsyncSequenceItem(requestType);
        DeclaresPayload = declaresPayload;
        ReturnShape = returnShape;
        ResponseType = responseType;
    }

    public EquatableArray<HandlerParameter> Parameters { get; }

    /// <summary>The (first) payload parameter's type, with its nullable annotation.</summary>
    public ITypeSymbol? RequestType { get; }

    /// <summary>
    /// Whether any parameter is in the payload's role, even one refused for its modifier: such a handler is not one
    /// "without a payload".
    /// </summary>
    public bool DeclaresPayload { get; }

    /// <summary>
    /// The <c>T</c> of an <c>IAsyncEnumerable&lt;T&gt;</c> payload parameter, whose JSON array the wrapper reads item
    /// by item as the handler enumerates it; <see langword="null"/> for any other request.
    /// </summary>
    public ITypeSymbol? RequestItemType { get; }

    public ReturnShape ReturnShape { get; }

    /// <summary>The response type (<c>T</c> of <c>Task&lt;T&gt;</c>), with its nullable annotation.</summary>
    public ITypeSymbol? ResponseType { get; }
}
