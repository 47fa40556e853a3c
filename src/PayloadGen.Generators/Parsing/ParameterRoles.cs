using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// What a handler parameter is, by its type: the one definition of "the payload parameter" that the generator, the
/// usage analyzers and the size analyzers' handler discovery share.
/// </summary>
internal static class ParameterRoles
{
    /// <summary>The role of a parameter of type <paramref name="type"/>; anything that is not a context or token is the payload.</summary>
    public static ParameterRole Of(ITypeSymbol type)
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
}
