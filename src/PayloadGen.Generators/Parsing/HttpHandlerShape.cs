using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>What an HTTP handler's shape decides, for the parser and the analyzers alike.</summary>
internal enum HttpShapeKind
{
    /// <summary>Not an HTTP handler: the wrapper speaks the PayloadGen pointer format.</summary>
    NotHttp,

    /// <summary>Returns a proxy response for its (inferred or explicit) HTTP source: the wrapper redirects large bodies.</summary>
    Http,

    /// <summary>An explicit HTTP source on a method that does not return that source's proxy response: no wrapper.</summary>
    SourceWithoutProxyResponse,
}

/// <summary>
/// Recognises HTTP handlers by their response type — API Gateway REST / HTTP API / function URL and ALB proxy
/// responses, by metadata name — and reconciles it with <c>[ClaimCheck(Source = …)]</c>. The one place both the
/// generator and PG0002 read it, so a handler without a wrapper is always one with a diagnostic.
/// </summary>
internal static class HttpHandlerShape
{
    /// <summary>Classifies a handler returning <paramref name="response"/> under <paramref name="source"/>.</summary>
    /// <param name="source">The attribute's source.</param>
    /// <param name="sourceIsExplicit">Whether the attribute set <c>Source</c>; an explicit <c>Direct</c> keeps pointer semantics.</param>
    /// <param name="response">The response type (<c>T</c> of <c>Task&lt;T&gt;</c>), or <see langword="null"/>.</param>
    /// <param name="effective">The source the wrapper uses: inferred from the response type when not explicit.</param>
    public static HttpShapeKind Classify(HandlerSource source, bool sourceIsExplicit, ITypeSymbol? response, out HandlerSource effective)
    {
        effective = source;
        HandlerSource? inferred = SourceOf(response);
        if (IsHttp(source))
        {
            return inferred is { } proxy && Accepts(source, proxy) ? HttpShapeKind.Http : HttpShapeKind.SourceWithoutProxyResponse;
        }

        if (inferred is { } fromType && !sourceIsExplicit)
        {
            effective = fromType;
            return HttpShapeKind.Http;
        }

        return HttpShapeKind.NotHttp;
    }

    /// <summary>Whether <paramref name="source"/> is one of the HTTP sources.</summary>
    public static bool IsHttp(HandlerSource source) => source is HandlerSource.ApiGatewayRest or HandlerSource.ApiGatewayHttp or HandlerSource.FunctionUrl or HandlerSource.ApplicationLoadBalancer;

    /// <summary>The source a proxy response type implies, or <see langword="null"/> when it is no proxy response.</summary>
    public static HandlerSource? SourceOf(ITypeSymbol? response)
    {
        if (SymbolNames.Is(response, KnownTypeNames.ApiGatewayProxyResponse))
        {
            return HandlerSource.ApiGatewayRest;
        }

        if (SymbolNames.Is(response, KnownTypeNames.HttpApiV2ProxyResponse))
        {
            return HandlerSource.ApiGatewayHttp;
        }

        return SymbolNames.Is(response, KnownTypeNames.AlbResponse) ? HandlerSource.ApplicationLoadBalancer : null;
    }

    /// <summary>The proxy response type an HTTP source reads, for messages.</summary>
    public static string ResponseTypeFor(HandlerSource source) => source switch
    {
        HandlerSource.ApplicationLoadBalancer => "ApplicationLoadBalancerResponse",
        HandlerSource.ApiGatewayRest => "APIGatewayProxyResponse",
        _ => "APIGatewayHttpApiV2ProxyResponse",
    };

    /// <summary>
    /// Whether the request type is an HTTP proxy request whose <c>Body</c> and <c>IsBase64Encoded</c> the wrapper can
    /// replace with an upload slot's content.
    /// </summary>
    public static bool HasReplaceableBody(ITypeSymbol? request)
    {
        if (!SymbolNames.Is(request, KnownTypeNames.ApiGatewayProxyRequest)
            && !SymbolNames.Is(request, KnownTypeNames.HttpApiV2ProxyRequest)
            && !SymbolNames.Is(request, KnownTypeNames.AlbRequest))
        {
            return false;
        }

        return HasSettable(request!, "Body", SpecialType.System_String) && HasSettable(request!, "IsBase64Encoded", SpecialType.System_Boolean);
    }

    // The v1 response is what REST APIs and HTTP APIs with payload format 1.0 read; the v2 response, HTTP APIs with
    // format 2.0 and function URLs.
    private static bool Accepts(HandlerSource source, HandlerSource proxy) => proxy switch
    {
        HandlerSource.ApiGatewayRest => source is HandlerSource.ApiGatewayRest or HandlerSource.ApiGatewayHttp,
        HandlerSource.ApiGatewayHttp => source is HandlerSource.ApiGatewayHttp or HandlerSource.FunctionUrl,
        _ => source == HandlerSource.ApplicationLoadBalancer,
    };

    private static bool HasSettable(ITypeSymbol type, string name, SpecialType propertyType)
    {
        foreach (ISymbol member in type.GetMembers(name))
        {
            if (member is IPropertySymbol { IsStatic: false, SetMethod.DeclaredAccessibility: Accessibility.Public, DeclaredAccessibility: Accessibility.Public } property
                && property.Type.SpecialType == propertyType)
            {
                return true;
            }
        }

        return false;
    }
}
