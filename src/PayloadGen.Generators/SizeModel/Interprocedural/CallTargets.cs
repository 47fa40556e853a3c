using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Which body a call runs, when the compilation can tell: the method itself; for an interface member (a field or
/// constructor-injected service, or <c>GetRequiredService&lt;IRepo&gt;()</c>), the implementation of the only class
/// in the compilation that implements the interface. With two implementations nothing is assumed (precision first).
/// Built once per compilation; one walk over its types.
/// </summary>
internal sealed class CallTargets
{
    private readonly Compilation _compilation;
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _implementations;

    public CallTargets(Compilation compilation)
    {
        _compilation = compilation;
        _implementations = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(IndexImplementations);
    }

    /// <summary>The method whose body runs for a call to <paramref name="method"/>, or null when it is not known.</summary>
    public IMethodSymbol? Resolve(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        if (method.PartialImplementationPart is { } implementation)
        {
            return implementation;
        }

        if (method.ContainingType is { TypeKind: TypeKind.Interface } contract && method.IsAbstract)
        {
            return UniqueImplementation(contract, method) ?? method;
        }

        return method;
    }

    /// <summary>The implementations in this compilation of <paramref name="contract"/> (a source or metadata interface).</summary>
    public IReadOnlyList<INamedTypeSymbol> ImplementationsOf(INamedTypeSymbol contract) =>
        _implementations.Value.TryGetValue(contract.OriginalDefinition, out List<INamedTypeSymbol>? types) ? types : Array.Empty<INamedTypeSymbol>();

    private IMethodSymbol? UniqueImplementation(INamedTypeSymbol contract, IMethodSymbol method)
    {
        IReadOnlyList<INamedTypeSymbol> types = ImplementationsOf(contract);
        return types.Count == 1 && types[0].FindImplementationForInterfaceMember(method) is IMethodSymbol implementation
            ? implementation
            : null;
    }

    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> IndexImplementations()
    {
        var index = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(_compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            INamespaceOrTypeSymbol current = pending.Pop();
            foreach (ISymbol member in current is INamespaceSymbol ns ? ns.GetMembers() : ((INamedTypeSymbol)current).GetTypeMembers())
            {
                if (member is not INamespaceOrTypeSymbol container)
                {
                    continue;
                }

                pending.Push(container);
                if (container is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false } type)
                {
                    foreach (INamedTypeSymbol contract in type.AllInterfaces)
                    {
                        if (!index.TryGetValue(contract.OriginalDefinition, out List<INamedTypeSymbol>? list))
                        {
                            list = new List<INamedTypeSymbol>();
                            index[contract.OriginalDefinition] = list;
                        }

                        list.Add(type);
                    }
                }
            }
        }

        return index;
    }
}
