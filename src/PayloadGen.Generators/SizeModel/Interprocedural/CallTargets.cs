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
/// (<c>AddScoped&lt;IRepo, DynamoRepo&gt;()</c>), or of the class the receiver is known to hold; for an abstract or
/// virtual member of a class of the compilation, the one override that can run on the receiver's concrete classes
/// (through an abstract base too). Otherwise nothing is assumed (precision first). Built once per compilation: one
/// walk over its types (interfaces and base classes), and one over its syntax for registrations when a call needs it.
/// </summary>
internal sealed class CallTargets
{
    private readonly Compilation _compilation;
    private readonly Func<SyntaxTree, SemanticModel> _models;
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _implementations;
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _registrations;
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _derived;

    public CallTargets(Compilation compilation, Func<SyntaxTree, SemanticModel> models)
    {
        _compilation = compilation;
        _models = models;
        _implementations = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(IndexImplementations);
        _registrations = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(IndexRegistrations);
        _derived = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(IndexDerivedClasses);
    }

    /// <summary>
    /// The method whose body runs for a call to <paramref name="method"/> on a receiver of static type
    /// <paramref name="receiver"/> (null for a static call), or null when it is not known.
    /// </summary>
    public IMethodSymbol? Resolve(IMethodSymbol method, ITypeSymbol? receiver = null)
    {
        method = method.ReducedFrom ?? method;
        if (method.PartialImplementationPart is { } implementation)
        {
            return implementation;
        }

        if (method.ContainingType is { TypeKind: TypeKind.Interface } contract && method.IsAbstract)
        {
            // A receiver known to be one class (a field the code only ever fills with new CachedExportStore()).
            if (receiver is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } known
                && known.FindImplementationForInterfaceMember(method) is IMethodSymbol implemented)
            {
                return implemented.IsAbstract || implemented.IsVirtual ? MostDerivedBody(known, implemented) : implemented;
            }

            return UniqueImplementation(contract, method) ?? method;
        }

        // ReviewStore.ForBookAsync() (abstract) with one concrete override in the compilation: that override runs. When
        // several bodies can run, a virtual member keeps its own body (as before) and an abstract one has none.
        if (method.ContainingType is { TypeKind: TypeKind.Class } owner
            && (method.IsAbstract || method.IsVirtual || method.IsOverride)
            && SymbolEqualityComparer.Default.Equals(owner.ContainingAssembly, _compilation.Assembly))
        {
            return UniqueOverride(method, receiver as INamedTypeSymbol ?? method.ContainingType) ?? method;
        }

        return method;
    }

    /// <summary>
    /// The one body that can run for <paramref name="method"/> on an instance of <paramref name="receiver"/> or a class
    /// of the compilation derived from it, or null when there are several (or none); with several, the class the
    /// compilation registers for the receiver (<c>AddScoped&lt;ReviewStore, DynamoReviewStore&gt;()</c>) if it registers one.
    /// </summary>
    private IMethodSymbol? UniqueOverride(IMethodSymbol method, INamedTypeSymbol receiver)
    {
        if (UniqueBody(method, ConcreteClassesFrom(receiver)) is { } unique)
        {
            return unique;
        }

        return _registrations.Value.TryGetValue(receiver.OriginalDefinition, out List<INamedTypeSymbol>? registered)
            ? UniqueBody(method, Distinct(registered))
            : null;
    }

    private static IMethodSymbol? UniqueBody(IMethodSymbol method, IEnumerable<INamedTypeSymbol> types)
    {
        IMethodSymbol? unique = null;
        foreach (INamedTypeSymbol type in types)
        {
            if (MostDerivedBody(type, method) is not { } body)
            {
                continue;
            }

            if (unique is not null && !SymbolEqualityComparer.Default.Equals(unique.OriginalDefinition, body.OriginalDefinition))
            {
                return null;
            }

            unique = body;
        }

        return unique;
    }

    /// <summary><paramref name="receiver"/> itself when it can be instantiated, and every concrete class of the compilation derived from it.</summary>
    private IEnumerable<INamedTypeSymbol> ConcreteClassesFrom(INamedTypeSymbol receiver)
    {
        if (!receiver.IsAbstract)
        {
            yield return receiver;
        }

        foreach (INamedTypeSymbol derived in _derived.Value.TryGetValue(receiver.OriginalDefinition, out List<INamedTypeSymbol>? types) ? types : (IEnumerable<INamedTypeSymbol>)Array.Empty<INamedTypeSymbol>())
        {
            yield return derived;
        }
    }

    /// <summary>The override of <paramref name="method"/> nearest to <paramref name="type"/> in its base chain, or the method itself.</summary>
    private static IMethodSymbol? MostDerivedBody(INamedTypeSymbol type, IMethodSymbol method)
    {
        IMethodSymbol declared = method.OriginalDefinition;
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declared.ContainingType))
            {
                return declared.IsAbstract ? null : method;
            }

            foreach (ISymbol member in current.GetMembers(method.Name))
            {
                for (IMethodSymbol? overridden = member as IMethodSymbol; overridden is { IsOverride: true }; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OverriddenMethod?.OriginalDefinition, declared))
                    {
                        return (IMethodSymbol)member;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The implementations in this compilation of <paramref name="contract"/> (a source or metadata interface).</summary>
    public IReadOnlyList<INamedTypeSymbol> ImplementationsOf(INamedTypeSymbol contract) =>
        _implementations.Value.TryGetValue(contract.OriginalDefinition, out List<INamedTypeSymbol>? types) ? types : Array.Empty<INamedTypeSymbol>();

    private IMethodSymbol? UniqueImplementation(INamedTypeSymbol contract, IMethodSymbol method)
    {
        IReadOnlyList<INamedTypeSymbol> types = Fitting(ImplementationsOf(contract), contract);
        if (types.Count > 1)
        {
            types = _registrations.Value.TryGetValue(contract.OriginalDefinition, out List<INamedTypeSymbol>? registered) ? Fitting(Distinct(registered), contract) : Array.Empty<INamedTypeSymbol>();
        }

        if (types.Count != 1 || ConstructedFor(types[0], contract).FindImplementationForInterfaceMember(method) is not IMethodSymbol implementation)
        {
            return null;
        }

        // IAuthorDirectory implemented by an abstract AuthorDirectoryBase: the one class's override is what runs.
        return implementation.IsAbstract || implementation.IsVirtual ? MostDerivedBody(types[0], implementation) : implementation;
    }

    /// <summary>
    /// The classes of <paramref name="types"/> that can implement <paramref name="contract"/> as constructed: called as
    /// <c>IRequestHandler&lt;ListOrders, List&lt;Order&gt;&gt;</c>, the handler of <c>GetOrder</c> is not a candidate, while
    /// an open <c>Repository&lt;T&gt; : IRepository&lt;T&gt;</c> is. An unconstructed contract keeps every type.
    /// </summary>
    private static IReadOnlyList<INamedTypeSymbol> Fitting(IReadOnlyList<INamedTypeSymbol> types, INamedTypeSymbol contract)
    {
        if (contract.IsDefinition || types.Count < 2)
        {
            return types;
        }

        var fitting = new List<INamedTypeSymbol>(types.Count);
        foreach (INamedTypeSymbol type in types)
        {
            foreach (INamedTypeSymbol implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, contract)
                    || (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract.OriginalDefinition) && HasTypeParameter(implemented)))
                {
                    fitting.Add(type);
                    break;
                }
            }
        }

        return fitting;
    }

    private static bool HasTypeParameter(INamedTypeSymbol type)
    {
        foreach (ITypeSymbol argument in type.TypeArguments)
        {
            if (argument is ITypeParameterSymbol || (argument is INamedTypeSymbol named && HasTypeParameter(named)))
            {
                return true;
            }
        }

        return false;
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
        foreach (INamedTypeSymbol type in SourceTypes())
        {
            if (type is not { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false })
            {
                continue;
            }

            foreach (INamedTypeSymbol contract in type.AllInterfaces)
            {
                AddTo(index, contract, type);
            }
        }

        return index;
    }

    /// <summary>Every type declared in the compilation, nested ones included.</summary>
    private IEnumerable<INamedTypeSymbol> SourceTypes()
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(_compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            INamespaceOrTypeSymbol current = pending.Pop();
            foreach (ISymbol member in current is INamespaceSymbol ns ? ns.GetMembers() : ((INamedTypeSymbol)current).GetTypeMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                    if (container is INamedTypeSymbol type)
                    {
                        yield return type;
                    }
                }
            }
        }
    }

    private static void AddTo(Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> index, INamedTypeSymbol key, INamedTypeSymbol type)
    {
        if (!index.TryGetValue(key.OriginalDefinition, out List<INamedTypeSymbol>? list))
        {
            list = new List<INamedTypeSymbol>();
            index[key.OriginalDefinition] = list;
        }

        list.Add(type);
    }

    /// <summary>Every concrete class of the compilation under each of its base classes (the same walk as the interfaces').</summary>
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> IndexDerivedClasses()
    {
        var index = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        foreach (INamedTypeSymbol type in SourceTypes())
        {
            if (type is not { TypeKind: TypeKind.Class, IsAbstract: false })
            {
                continue;
            }

            for (INamedTypeSymbol? baseType = type.BaseType; baseType is { SpecialType: not SpecialType.System_Object }; baseType = baseType.BaseType)
            {
                AddTo(index, baseType, type);
            }
        }

        return index;
    }
}
