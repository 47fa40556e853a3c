using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Which body a call runs, when the compilation can tell: the method itself; for an interface member (a field or
/// constructor-injected service, or <c>GetRequiredService&lt;IRepo&gt;()</c>), the implementation of the only class
/// in the compilation that implements the interface, or else of the only class the compilation registers for it
/// (<c>AddScoped&lt;IRepo, DynamoRepo&gt;()</c>). Otherwise nothing is assumed (precision first). Built once per
/// compilation: one walk over its types, and one over its syntax for registrations when an interface needs it.
/// </summary>
internal sealed class CallTargets
{
    private readonly Compilation _compilation;
    private readonly Func<SyntaxTree, SemanticModel> _models;
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _implementations;
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _registrations;

    public CallTargets(Compilation compilation, Func<SyntaxTree, SemanticModel> models)
    {
        _compilation = compilation;
        _models = models;
        _implementations = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(IndexImplementations);
        _registrations = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(IndexRegistrations);
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
        if (types.Count > 1)
        {
            types = _registrations.Value.TryGetValue(contract.OriginalDefinition, out List<INamedTypeSymbol>? registered) ? Distinct(registered) : Array.Empty<INamedTypeSymbol>();
        }

        return types.Count == 1 && ConstructedFor(types[0], contract).FindImplementationForInterfaceMember(method) is IMethodSymbol implementation
            ? implementation
            : null;
    }

    /// <summary>
    /// <c>DynamoRepository&lt;T&gt; : IDynamoRepository&lt;T&gt;</c> called as <c>IDynamoRepository&lt;Member&gt;</c>: the
    /// implementation constructed with the contract's type arguments, when it passes its own type parameters through.
    /// </summary>
    private static INamedTypeSymbol ConstructedFor(INamedTypeSymbol implementation, INamedTypeSymbol contract)
    {
        if (!implementation.IsGenericType || !implementation.IsDefinition || contract.IsDefinition)
        {
            return implementation;
        }

        foreach (INamedTypeSymbol implemented in implementation.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract.OriginalDefinition)
                && implemented.TypeArguments.Length == implementation.TypeParameters.Length
                && PassesThrough(implemented.TypeArguments, implementation.TypeParameters))
            {
                return implementation.Construct(contract.TypeArguments.ToArray());
            }
        }

        return implementation;
    }

    private static bool PassesThrough(ImmutableArray<ITypeSymbol> arguments, ImmutableArray<ITypeParameterSymbol> parameters)
    {
        for (int i = 0; i < arguments.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(arguments[i], parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static List<INamedTypeSymbol> Distinct(List<INamedTypeSymbol> types)
    {
        var distinct = new List<INamedTypeSymbol>();
        foreach (INamedTypeSymbol type in types)
        {
            if (!distinct.Exists(t => SymbolEqualityComparer.Default.Equals(t, type)))
            {
                distinct.Add(type);
            }
        }

        return distinct;
    }

    /// <summary>
    /// <c>services.AddSingleton/AddScoped/AddTransient&lt;TService, TImplementation&gt;()</c> (and their <c>TryAdd</c> forms)
    /// anywhere in the compilation: the implementation a container hands out for the service.
    /// </summary>
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> IndexRegistrations()
    {
        var index = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        foreach (SyntaxTree tree in _compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (node is not GenericNameSyntax { TypeArgumentList.Arguments.Count: 2 } name
                    || name.Identifier.ValueText is not ("AddSingleton" or "AddScoped" or "AddTransient" or "TryAddSingleton" or "TryAddScoped" or "TryAddTransient"))
                {
                    continue;
                }

                model ??= _models(tree);
                if (model.GetSymbolInfo(name).Symbol is IMethodSymbol { TypeArguments: [INamedTypeSymbol service, INamedTypeSymbol implementation] })
                {
                    if (!index.TryGetValue(service.OriginalDefinition, out List<INamedTypeSymbol>? list))
                    {
                        list = new List<INamedTypeSymbol>();
                        index[service.OriginalDefinition] = list;
                    }

                    list.Add(implementation);
                }
            }
        }

        return index;
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
