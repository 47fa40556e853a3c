using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// MediatR (CQRS handlers behind Lambda functions): <c>await mediator.Send(new ListOrdersQuery())</c> runs the
/// compilation's one <c>IRequestHandler&lt;ListOrdersQuery, TResponse&gt;</c>, so the call is answered by that handler's
/// <c>Handle</c> summary, found as any interface call is (<see cref="CallTargets"/>: the only implementation, or the only
/// registered one). The request's static type must be the concrete request class: a request typed as
/// <c>IRequest&lt;T&gt;</c>, or <c>Send(object)</c>, could be anything and is not guessed.
/// </summary>
internal sealed class MediatorSendRecognizer : IInvocationRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace)
    {
        IMethodSymbol method = invocation.TargetMethod;
        SizeSymbols symbols = trace.Symbols;
        if (method.Name != "Send"
            || !(SizeSymbols.IsOrDerives(method.ContainingType, symbols.MediatRSender) || SizeSymbols.Is(method.ContainingType, symbols.MediatRMediator)))
        {
            return false;
        }

        if (symbols.MediatRRequestHandler is { } handlerContract
            && method is { IsGenericMethod: true, TypeArguments.Length: 1 }
            && invocation.Arguments.Length > 0
            && OperationText.Unwrap(invocation.Arguments[0].Value).Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } request
            && handlerContract.Construct(request, method.TypeArguments[0]) is { } handler)
        {
            foreach (ISymbol member in handler.GetMembers("Handle"))
            {
                if (member is IMethodSymbol handle)
                {
                    // Handle(request, cancellationToken) takes Send's arguments in Send's order.
                    _ = trace.Engine.Summaries.Apply(handle, handler, invocation.Arguments, trace);
                }
            }
        }

        return true;
    }
}
