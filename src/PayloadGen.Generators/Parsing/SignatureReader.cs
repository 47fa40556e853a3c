using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>Reads what a handler takes and returns, refusing what a wrapper cannot pass or receive.</summary>
internal static class SignatureReader
{
    /// <summary>
    /// The signature of <paramref name="method"/>, adding to <paramref name="refusals"/> every part a wrapper cannot
    /// call: <c>async void</c>, a by-reference return, <c>ref</c>/<c>out</c>/<c>in</c> parameters, a second payload
    /// parameter, and payload or response types JSON cannot handle (pointers, ref structs, unresolved types). The
    /// signature is read in full even when something is refused, so every problem is reported at once.
    /// </summary>
    public static HandlerSignature Read(IMethodSymbol method, List<Refusal> refusals)
    {
        if (method.IsAsync && method.ReturnsVoid)
        {
            refusals.Add(Refusal.AtMethod(RefusalReason.AsyncVoid));
        }

        var parameters = new HandlerParameter[method.Parameters.Length];
        IParameterSymbol? request = null;
        bool declaresPayload = false;
        for (int i = 0; i < parameters.Length; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            ParameterRole role = ParameterRoles.Of(parameter.Type);
            parameters[i] = new HandlerParameter(role);
            declaresPayload |= role == ParameterRole.Payload;
            if (parameter.RefKind != RefKind.None)
            {
                // Refused for its modifier alone: it is not also counted as a second payload.
                refusals.Add(Refusal.AtParameter(RefusalReason.ParameterByReference, i, parameter.Name, RefKindText(parameter.RefKind)));
                continue;
            }

            if (role != ParameterRole.Payload)
            {
                continue;
            }

            if (request is not null)
            {
                refusals.Add(Refusal.AtParameter(RefusalReason.SecondPayloadParameter, i, parameter.Name, request.Name));
                continue;
            }

            request = parameter;
            if (PayloadTypes.Problem(parameter.Type) is { } problem)
            {
                refusals.Add(Refusal.AtParameter(
                    problem switch
                    {
                        PayloadTypeProblem.Unresolved => RefusalReason.UnresolvedType,
                        PayloadTypeProblem.NotJson => RefusalReason.UnserializablePayloadType,
                        _ => RefusalReason.UnsupportedPayloadType,
                    },
                    i,
                    parameter.Name,
                    TypeText(parameter.Type)));
            }
            else if (PayloadTypes.IsQueueEnvelope(parameter.Type))
            {
                refusals.Add(Refusal.AtParameter(RefusalReason.QueueEnvelopeAsPayload, i, parameter.Name, TypeText(parameter.Type)));
            }
        }

        ReturnShape shape = ReadReturn(method, refusals, out ITypeSymbol? response);
        return new HandlerSignature(new EquatableArray<HandlerParameter>(parameters), request?.Type, declaresPayload, shape, response);
    }

    private static ReturnShape ReadReturn(IMethodSymbol method, List<Refusal> refusals, out ITypeSymbol? response)
    {
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            refusals.Add(Refusal.AtReturn(RefusalReason.ReturnsByReference, TypeText(method.ReturnType), method.ReturnsByRefReadonly ? "ref readonly" : "ref"));
        }

        ReturnShape shape = ReturnShapes.Read(method, out response);
        if (response is not null && PayloadTypes.Problem(response) is { } problem)
        {
            refusals.Add(Refusal.AtReturn(
                problem switch
                {
                    PayloadTypeProblem.Unresolved => RefusalReason.UnresolvedType,
                    PayloadTypeProblem.NotJson => RefusalReason.UnserializableResponseType,
                    _ => RefusalReason.UnsupportedResponseType,
                },
                TypeText(response)));
        }

        return shape;
    }

    private static string TypeText(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static string RefKindText(RefKind kind) => kind switch
    {
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        _ => "ref",
    };
}
