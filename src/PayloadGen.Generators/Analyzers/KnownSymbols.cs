using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The types the analyzers recognise, resolved once per compilation by metadata name and shared by every analyzer
/// (<see cref="For"/>): AWS types are never referenced by the analyzer assembly, so a compilation without them simply
/// has nulls here.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownSymbols> PerCompilation = new();

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        ClaimCheckAttribute = compilation.GetTypeByMetadataName("PayloadGen.ClaimCheckAttribute");
        LambdaContext = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.ILambdaContext");
        LambdaFunctionAttribute = compilation.GetTypeByMetadataName("Amazon.Lambda.Annotations.LambdaFunctionAttribute");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        EndpointRouteBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        AnnotationsHttpResult = compilation.GetTypeByMetadataName("Amazon.Lambda.Annotations.APIGateway.IHttpResult");
        AspNetResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResult");
        ClaimCheckSerializerAttribute = compilation.GetTypeByMetadataName(Parsing.KnownTypeNames.ClaimCheckSerializerAttribute);
        LambdaSerializerAttribute = compilation.GetTypeByMetadataName(Parsing.KnownTypeNames.LambdaSerializerAttribute);
        AssemblyUsesClaimCheckSerializer = NamesClaimCheckSerializer(compilation.Assembly);
        // Amazon.Lambda.AspNetCoreServer.Hosting declares LambdaEventSource (for AddAWSLambdaHosting) in the DI namespace;
        // it and the classic LambdaEntryPoint style both reference Amazon.Lambda.AspNetCoreServer.
        HostsAspNetCoreOnLambda = compilation.GetTypeByMetadataName("Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction") is not null
            || compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.LambdaEventSource") is not null;
    }

    /// <summary>The symbols of <paramref name="compilation"/>, resolved by the first analyzer that asks.</summary>
    public static KnownSymbols For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary>The project runs ASP.NET Core on Lambda (Amazon.Lambda.AspNetCoreServer or its Hosting package).</summary>
    public bool HostsAspNetCoreOnLambda { get; }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? ClaimCheckAttribute { get; }

    public INamedTypeSymbol? LambdaContext { get; }

    public INamedTypeSymbol? LambdaFunctionAttribute { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? Stream { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    /// <summary><c>[Controller]</c>, and through it <c>[ApiController]</c>: marks a class with no base as an MVC controller.</summary>
    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonControllerAttribute { get; }

    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    /// <summary>Amazon.Lambda.Annotations' HTTP result: its body is what the handler passes to <c>HttpResults</c>.</summary>
    public INamedTypeSymbol? AnnotationsHttpResult { get; }

    /// <summary>ASP.NET Core's minimal-API result.</summary>
    public INamedTypeSymbol? AspNetResult { get; }

    public INamedTypeSymbol? ClaimCheckSerializerAttribute { get; }

    public INamedTypeSymbol? LambdaSerializerAttribute { get; }

    /// <summary>
    /// The assembly's <c>[assembly: LambdaSerializer(typeof(X))]</c> names a <c>[ClaimCheckSerializer]</c> class, which
    /// offloads every handler's payloads (Amazon.Lambda.Annotations and classic handlers alike).
    /// </summary>
    public bool AssemblyUsesClaimCheckSerializer { get; }

    public bool IsClaimCheck(IMethodSymbol method) => FindClaimCheck(method) is not null;

    /// <summary>Whether <paramref name="method"/>'s payloads go through a claim-check serializer: its own <c>[LambdaSerializer]</c> or its assembly's names one.</summary>
    public bool UsesClaimCheckSerializer(IMethodSymbol method) => AssemblyUsesClaimCheckSerializer || NamesClaimCheckSerializer(method);

    /// <summary>Whether <paramref name="symbol"/> carries <c>[LambdaSerializer(typeof(X))]</c> with X a <c>[ClaimCheckSerializer]</c> class.</summary>
    private bool NamesClaimCheckSerializer(ISymbol symbol)
    {
        if (LambdaSerializerAttribute is null || ClaimCheckSerializerAttribute is null)
        {
            return false;
        }

        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, LambdaSerializerAttribute)
                && attribute.ConstructorArguments is [{ Value: INamedTypeSymbol serializer }]
                && IsClaimCheckSerializer(serializer))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is a <c>[ClaimCheckSerializer]</c> class or derives from one (the generated
    /// <c>ILambdaSerializer</c> methods are not virtual, so a derived class serializes the same way).
    /// </summary>
    public bool IsClaimCheckSerializer(ITypeSymbol type)
    {
        if (ClaimCheckSerializerAttribute is null)
        {
            return false;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (AttributeData marker in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(marker.AttributeClass, ClaimCheckSerializerAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public AttributeData? FindClaimCheck(IMethodSymbol method)
    {
        if (ClaimCheckAttribute is null)
        {
            return null;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ClaimCheckAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool IsLambdaContext(ITypeSymbol type) =>
        LambdaContext is not null && SymbolEqualityComparer.Default.Equals(type, LambdaContext);

    /// <summary>
    /// Parameters Lambda or the wrapper supplies, which are not the payload: <c>ILambdaContext</c>,
    /// <c>CancellationToken</c> and <c>QueueMessageContext</c>, as the generator reads them.
    /// </summary>
    public static bool IsNonPayloadParameter(ITypeSymbol type) => Parsing.ParameterRoles.Of(type) != Model.ParameterRole.Payload;

    /// <summary>The type a method's result serializes as: <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c> unwrapped; null for no result.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called on an instance by the size analyzers, which another branch is rebuilding; the call sites stay as they are.")]
    public ITypeSymbol? ResultType(IMethodSymbol method)
    {
        // The generator's own reading of return shapes, so handlers are sized as they are wrapped.
        Parsing.ReturnShapes.Read(method, out ITypeSymbol? response);
        return response;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is declared in <paramref name="ns"/> (a dotted name) or below it.</summary>
    public static bool IsInNamespace(ISymbol? symbol, string ns)
    {
        if (symbol?.ContainingNamespace is not { IsGlobalNamespace: false } containing)
        {
            return false;
        }

        string name = containing.ToDisplayString();
        return name.Length >= ns.Length
            && name.StartsWith(ns, System.StringComparison.Ordinal)
            && (name.Length == ns.Length || name[ns.Length] == '.');
    }
}
