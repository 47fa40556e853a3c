using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PayloadGen.Generators.Deployment;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// Decides which methods are Lambda handlers for the size rules and how each is invoked. Built once per compilation:
/// handlers are methods with an <c>ILambdaContext</c> parameter, Amazon.Lambda.Annotations <c>[LambdaFunction]</c>
/// methods, methods named by deployment-file handler strings, and whatever an executable binds with
/// <c>LambdaBootstrapBuilder.Create</c>. <c>[ClaimCheck]</c> methods, every handler of an
/// assembly (or method) whose <c>[LambdaSerializer]</c> is a <c>[ClaimCheckSerializer]</c> class, and the handlers an
/// executable binds to one with <c>LambdaBootstrapBuilder.Create</c> (<see cref="BootstrapBindings"/>) are left out for
/// the payloads that serializer offloads.
/// </summary>
internal sealed class HandlerCatalog
{
    private readonly KnownSymbols _symbols;
    private readonly Dictionary<IMethodSymbol, InvocationPath?> _deployed = new(SymbolEqualityComparer.Default);
    private readonly BootstrapBindings _bootstraps;
    private readonly EndpointMethodGroups _endpointMethods;

    // Asked for every method of every class in an ASP.NET Core project: each type's answer (a walk of its bases and their
    // attributes) is kept, as the catalog is per compilation and used by concurrent analyzer callbacks.
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _controllers = new(SymbolEqualityComparer.Default);
    private readonly Func<INamedTypeSymbol, bool> _isController;

    private HandlerCatalog(KnownSymbols symbols, BootstrapBindings bootstraps, EndpointMethodGroups endpointMethods)
    {
        _symbols = symbols;
        _bootstraps = bootstraps;
        _endpointMethods = endpointMethods;
        _isController = IsController;
    }

    public KnownSymbols Symbols => _symbols;

    /// <summary>
    /// False when no method of the compilation can be a handler: no <c>ILambdaContext</c>, no Annotations, no ASP.NET Core
    /// on Lambda and no handler named by a deployment file — most projects of a solution. The size rules then register
    /// nothing, so the compilation pays none of their cost.
    /// </summary>
    public bool MayHaveHandlers =>
        _symbols.LambdaContext is not null || _symbols.LambdaFunctionAttribute is not null || _symbols.HostsAspNetCoreOnLambda || _deployed.Count > 0;

    public static HandlerCatalog Create(KnownSymbols symbols, AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
    {
        CatalogCallSites calls = CatalogCallSites.Find(symbols.Compilation, BootstrapBindings.CanBindIn(symbols), EndpointMethodGroups.CanMapIn(symbols), cancellationToken);
        var catalog = new HandlerCatalog(
            symbols,
            BootstrapBindings.Read(symbols, calls.BootstrapCreates, cancellationToken),
            EndpointMethodGroups.Read(symbols, calls.EndpointMaps, cancellationToken));
        foreach (DeployedFunction function in DeploymentFiles.ReadAll(options, cancellationToken))
        {
            if (HandlerResolution.ResolveType(symbols.Compilation, function.Handler) is { } type
                && HandlerResolution.FindMethod(type, function.Handler.Method) is { } method)
            {
                catalog._deployed[method] = function.Path;
            }
        }

        return catalog;
    }

    /// <summary>
    /// The handler <paramref name="method"/> is, unless its <paramref name="judged"/> payload (the response, unless the
    /// request rule asks) is already offloaded.
    /// </summary>
    public LambdaHandler? Find(IMethodSymbol method, SerializedPayloads judged = SerializedPayloads.Response)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsImplicitlyDeclared)
        {
            return null;
        }

        bool deployed = _deployed.TryGetValue(method, out InvocationPath? deployedPath);
        bool annotated = HasAttribute(method, _symbols.LambdaFunctionAttribute);
        bool takesContext = method.DeclaredAccessibility == Accessibility.Public && TakesLambdaContext(method);
        bool bootstrapped = _bootstraps.BindsDirectly(method);
        if (!(deployed || annotated || takesContext || bootstrapped))
        {
            // A controller action, or a method a minimal API maps as a method group: an API Gateway endpoint.
            return IsControllerAction(method) || _endpointMethods.Maps(method) ? new LambdaHandler(method, InvocationPath.ApiGateway, payload: null, isMethod: false) : null;
        }

        if (_symbols.IsClaimCheck(method) || IsOffloadedBySerializer(method, judged))
        {
            return null;
        }

        IParameterSymbol? payload = null;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (!KnownSymbols.IsNonPayloadParameter(parameter.Type))
            {
                payload = parameter;
                break;
            }
        }

        // A proxy response says which service reads it, even when the request is a Stream: an ALB response is held to
        // ALB's 1 MB wherever the handler is found.
        Model.HandlerSource? proxy = Parsing.HttpHandlerShape.SourceOf(_symbols.ResultType(method));
        InvocationPath path = PathFromAttributes(method)
            ?? PathFromProxyResponse(proxy)
            ?? (payload is null ? null : PathFromEventType(payload.Type))
            ?? deployedPath
            ?? InvocationPath.Sync;
        return new LambdaHandler(method, path, payload, returnsProxyResponse: proxy is not null, bootstrapSerializable: BootstrapSerializable(method));
    }

    /// <summary>The bootstrap calls of the compilation, which bind handlers with or without an <c>ILambdaContext</c>.</summary>
    public BootstrapBindings Bootstraps => _bootstraps;

    /// <summary>The methods and local functions the compilation's minimal APIs map by name.</summary>
    public EndpointMethodGroups EndpointMethods => _endpointMethods;

    /// <summary>
    /// A local function or lambda that takes an <c>ILambdaContext</c>, or that <c>LambdaBootstrapBuilder.Create(handler,
    /// serializer)</c> binds (<c>async (APIGatewayProxyRequest request) =&gt; …</c> takes only the request): the shapes
    /// an executable-assembly handler has.
    /// </summary>
    public LambdaHandler? FindFunction(IMethodSymbol function, SerializedPayloads judged = SerializedPayloads.Response)
    {
        if (function.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction))
        {
            return null;
        }

        if (!(TakesLambdaContext(function) || _bootstraps.BindsDirectly(function)))
        {
            // A local function a minimal API maps by name: an API Gateway endpoint, like a lambda passed to the same call.
            return function.MethodKind == MethodKind.LocalFunction && function.DeclaringSyntaxReferences is [SyntaxReference declaration, ..]
                && _endpointMethods.MapsFunction(declaration.GetSyntax())
                ? new LambdaHandler(function, InvocationPath.ApiGateway, payload: null, isMethod: false)
                : null;
        }

        if (IsOffloadedBySerializer(function, judged))
        {
            return null;
        }

        IParameterSymbol? payload = null;
        foreach (IParameterSymbol parameter in function.Parameters)
        {
            if (!KnownSymbols.IsNonPayloadParameter(parameter.Type))
            {
                payload = parameter;
                break;
            }
        }

        InvocationPath path = (payload is null ? null : PathFromEventType(payload.Type)) ?? InvocationPath.Sync;
        return new LambdaHandler(function, path, payload, isMethod: false, bootstrapSerializable: BootstrapSerializable(function));
    }

    /// <summary>What a claim-check serializer would offload for a handler a bootstrap binds, or null when none binds it.</summary>
    private SerializedPayloads? BootstrapSerializable(IMethodSymbol handler)
        => _bootstraps.Binds(handler) ? _bootstraps.CarriableBySerializer(handler) : null;

    /// <summary>
    /// Whether a claim-check serializer offloads <paramref name="judged"/> for <paramref name="handler"/>: the one
    /// <c>LambdaBootstrapBuilder.Create</c> binds it with when it is bound (whatever the assembly's attribute says, which
    /// an executable's bootstrap does not read), else its own or its assembly's <c>[LambdaSerializer]</c>.
    /// </summary>
    private bool IsOffloadedBySerializer(IMethodSymbol handler, SerializedPayloads judged)
        => _bootstraps.For(handler) is SerializedPayloads bound
            ? (bound & judged) == judged
            : handler.MethodKind == MethodKind.Ordinary ? _symbols.UsesClaimCheckSerializer(handler) : _symbols.AssemblyUsesClaimCheckSerializer;

    /// <summary>
    /// A minimal-API endpoint (<c>app.MapGet(pattern, handler)</c>…) in a project that runs ASP.NET Core on Lambda through
    /// Amazon.Lambda.AspNetCoreServer(.Hosting): every endpoint's response travels through API Gateway.
    /// </summary>
    public LambdaHandler? FindEndpoint(IMethodSymbol function, IInvocationOperation map)
    {
        if (!_symbols.HostsAspNetCoreOnLambda
            || map.TargetMethod is not { Name: "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" } target
            || !SymbolEqualityComparer.Default.Equals(target.ContainingType, _symbols.EndpointRouteBuilderExtensions))
        {
            return null;
        }

        return new LambdaHandler(function, InvocationPath.ApiGateway, payload: null, isMethod: false);
    }

    /// <summary>
    /// A public action of an MVC controller in a project that runs ASP.NET Core on Lambda (the classic <c>LambdaEntryPoint
    /// : APIGatewayProxyFunction</c> blueprint): its result is the body of an API Gateway response. Reported like a
    /// minimal-API endpoint; <c>[ClaimCheck]</c> cannot wrap it.
    /// </summary>
    private bool IsControllerAction(IMethodSymbol method)
    {
        if (!_symbols.HostsAspNetCoreOnLambda
            || method.IsStatic
            || method.DeclaredAccessibility != Accessibility.Public
            || method.ContainingType is not { IsAbstract: false } type
            || !_controllers.GetOrAdd(type, _isController))
        {
            return false;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.NonActionAttribute))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// ASP.NET Core's own test, less its name convention: a class deriving from <c>ControllerBase</c> (<c>Controller</c>
    /// too), or one that carries <c>[Controller]</c>/<c>[ApiController]</c> itself or through a base (a plain
    /// <c>[ApiController]</c> class that derives from nothing), unless <c>[NonController]</c> says otherwise. A class that
    /// is a controller only by its name ending in <c>Controller</c> is not taken: nothing else in the code says so.
    /// </summary>
    private bool IsController(INamedTypeSymbol type)
    {
        bool controller = false;
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (HasAttribute(current, _symbols.NonControllerAttribute))
            {
                return false;
            }

            controller |= (!SymbolEqualityComparer.Default.Equals(current, type) && SymbolEqualityComparer.Default.Equals(current, _symbols.ControllerBase))
                || HasAttribute(current, _symbols.ControllerAttribute);
        }

        return controller;
    }

    /// <summary>Whether <paramref name="type"/> carries an attribute of <paramref name="attributeType"/> or a class deriving from it.</summary>
    private static bool HasAttribute(INamedTypeSymbol type, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (AttributeData attribute in type.GetAttributes())
        {
            for (INamedTypeSymbol? current = attribute.AttributeClass; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, attributeType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is an AWS event or SDK type, whose size the model does not judge.</summary>
    public static bool IsAwsType(ITypeSymbol type) => KnownSymbols.IsInNamespace(type, "Amazon");

    /// <summary>The invocation path an Amazon.Lambda.*Events parameter type implies.</summary>
    internal static InvocationPath? PathFromEventType(ITypeSymbol type)
    {
        string? ns = type.ContainingNamespace?.ToDisplayString();
        if (ns is null || !ns.StartsWith("Amazon.Lambda.", StringComparison.Ordinal))
        {
            return null;
        }

        string events = ns.Substring("Amazon.Lambda.".Length);
        int dot = events.IndexOf('.');
        if (dot >= 0)
        {
            events = events.Substring(0, dot);
        }

        return events switch
        {
            "SQSEvents" => InvocationPath.Sqs,
            "SNSEvents" => InvocationPath.Sns,
            "APIGatewayEvents" => InvocationPath.ApiGateway,
            "ApplicationLoadBalancerEvents" => InvocationPath.Alb,
            "S3Events" or "CloudWatchEvents" or "CloudWatchLogsEvents" or "SimpleEmailEvents" or "CognitoEvents" or "ConfigEvents" or "CodeCommitEvents" => InvocationPath.AsyncInvoke,
            "KinesisEvents" or "DynamoDBEvents" or "KafkaEvents" or "MQEvents" => InvocationPath.Stream,
            _ => null,
        };
    }

    private static InvocationPath? PathFromProxyResponse(Model.HandlerSource? proxy) => proxy switch
    {
        null => null,
        Model.HandlerSource.ApplicationLoadBalancer => InvocationPath.Alb,
        _ => InvocationPath.ApiGateway,
    };

    private static InvocationPath? PathFromAttributes(IMethodSymbol method)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            INamedTypeSymbol? type = attribute.AttributeClass;
            if (type is null || !KnownSymbols.IsInNamespace(type, "Amazon.Lambda.Annotations"))
            {
                continue;
            }

            switch (type.Name)
            {
                case "HttpApiAttribute" or "RestApiAttribute":
                    return InvocationPath.ApiGateway;
                case "SQSEventAttribute":
                    return InvocationPath.Sqs;
                case "SNSEventAttribute":
                    return InvocationPath.Sns;
                case "ALBApiAttribute":
                    return InvocationPath.Alb;
                case "S3EventAttribute" or "ScheduleEventAttribute" or "EventBridgeEventAttribute":
                    return InvocationPath.AsyncInvoke;
                case "DynamoDBEventAttribute" or "KinesisEventAttribute":
                    return InvocationPath.Stream;
            }
        }

        return null;
    }

    private bool TakesLambdaContext(IMethodSymbol method)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (_symbols.IsLambdaContext(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    public static ImmutableDictionary<string, string?> Properties(LambdaHandler handler)
    {
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(PropertyNames.PayloadSource, handler.PayloadSourceName)
            .Add(PropertyNames.CanClaimCheck, handler.CanClaimCheck ? "true" : "false");
        return handler.BootstrapSerializable is { } carried
            ? properties.Add(PropertyNames.BootstrapSerializerCarries, carried.ToString())
            : properties;
    }
}
