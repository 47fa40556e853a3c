using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>Reads what a handler takes and returns, refusing signatures a wrapper cannot call.</summary>
internal static class SignatureReader
{
    /// <summary>
    /// The signature of <paramref name="method"/>, or <see langword="null"/> when it is generic, <c>async void</c>,
    /// returns by reference, takes <c>ref</c>/<c>out</c>/<c>in</c> parameters or more than one payload parameter, or
    /// uses a type that cannot be a JSON payload (pointers, ref structs, type parameters, unresolved types).
    /// </summary>
    public static HandlerSignature? Read(IMethodSymbol method)
    {
        if (method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly || (method.IsAsync && method.ReturnsVoid))
        {
            return null;
        }

        var parameters = new HandlerParameter[method.Parameters.Length];
        ITypeSymbol? request = null;
        for (int i = 0; i < parameters.Length; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            if (parameter.RefKind != RefKind.None)
            {
                return null;
            }

            ParameterRole role = RoleOf(parameter.Type);
            if (role == ParameterRole.Payload)
            {
                if (request is not null || !CanBePayload(parameter.Type))
                {
                    return null;
                }

                request = parameter.Type;
            }

            parameters[i] = new HandlerParameter(role);
        }

        if (!TryReadReturn(method, out ReturnShape shape, out ITypeSymbol? response))
        {
            return null;
        }

        return new HandlerSignature(new EquatableArray<HandlerParameter>(parameters), request, shape, response);
    }

    private static ParameterRole RoleOf(ITypeSymbol type)
    {
        if (SymbolNames.Is(type, KnownTypeNames.LambdaContext))
        {
            return ParameterRole.LambdaContext;
        }

        if (SymbolNames.Is(type, KnownTypeNames.QueueMessageContext))
        {
            return ParameterRole.MessageContext;
        }

        return SymbolNames.Is(type, KnownTypeNames.CancellationToken) ? ParameterRole.CancellationToken : ParameterRole.Payload;
    }

    private static bool TryReadReturn(IMethodSymbol method, out ReturnShape shape, out ITypeSymbol? response)
    {
        response = null;
        if (method.ReturnsVoid)
        {
            shape = ReturnShape.Void;
            return true;
        }

        ITypeSymbol type = method.ReturnType;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic)
        {
            INamedTypeSymbol definition = generic.OriginalDefinition;
            if (SymbolNames.Is(definition, KnownTypeNames.TaskOfT) || SymbolNames.Is(definition, KnownTypeNames.ValueTaskOfT))
            {
                shape = SymbolNames.Is(definition, KnownTypeNames.TaskOfT) ? ReturnShape.TaskOfValue : ReturnShape.ValueTaskOfValue;
                response = generic.TypeArguments[0];
                return CanBePayload(response);
            }
        }

        if (SymbolNames.Is(type, KnownTypeNames.Task))
        {
            shape = ReturnShape.Task;
            return true;
        }

        if (SymbolNames.Is(type, KnownTypeNames.ValueTask))
        {
            shape = ReturnShape.ValueTask;
            return true;
        }

        shape = ReturnShape.Value;
        response = type;
        return CanBePayload(type);
    }

    /// <summary>Whether <paramref name="type"/> can be the type argument of <c>JsonTypeInfo&lt;T&gt;</c> in the wrapper.</summary>
    private static bool CanBePayload(ITypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.TypeParameter or TypeKind.Error => false,
        _ => !type.IsRefLikeType && !ContainsErrors(type),
    };

    private static bool ContainsErrors(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol => true,
        IArrayTypeSymbol array => ContainsErrors(array.ElementType) || array.ElementType.IsRefLikeType || array.ElementType.TypeKind == TypeKind.Pointer,
        INamedTypeSymbol { IsGenericType: true } named => AnyErrors(named),
        _ => false,
    };

    private static bool AnyErrors(INamedTypeSymbol named)
    {
        foreach (ITypeSymbol argument in named.TypeArguments)
        {
            if (argument.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Pointer || ContainsErrors(argument))
            {
                return true;
            }
        }

        return false;
    }
}
