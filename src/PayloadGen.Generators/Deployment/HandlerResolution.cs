using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Deployment;

/// <summary>Maps a handler string to the methods it names in this compilation.</summary>
internal static class HandlerResolution
{
    /// <summary>The type a handler string names, if it belongs to this compilation's assembly.</summary>
    public static INamedTypeSymbol? ResolveType(Compilation compilation, HandlerString handler)
    {
        if (!string.Equals(handler.Assembly, compilation.AssemblyName, System.StringComparison.Ordinal))
        {
            return null;
        }

        INamedTypeSymbol? type = compilation.GetTypeByMetadataName(handler.TypeName);
        return type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly) ? type : null;
    }

    /// <summary>The first ordinary method of <paramref name="type"/> named <paramref name="name"/>, as Lambda's binder picks by name.</summary>
    public static IMethodSymbol? FindMethod(INamedTypeSymbol type, string name)
    {
        foreach (ISymbol member in type.GetMembers(name))
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                return method;
            }
        }

        return null;
    }
}
