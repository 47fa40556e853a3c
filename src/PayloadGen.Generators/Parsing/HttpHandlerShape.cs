using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Recognises HTTP handlers by their response type — API Gateway REST / HTTP API / function URL and ALB proxy
/// responses, by metadata name — and reconciles it with <c>[ClaimCheck(Source = …)]</c>. The one place both the
/// generator and PG0002 read it, so a handler without a wrapper is always one with a diagnostic.
/// </summary>
internal static class HttpHandlerShape
{
    /// <summary>
    /// The source the wrapper serves: an explicit HTTP source when the response is its proxy response (otherwise a
    /// refusal: API Gateway answers 502 to anything else), the HTTP source a proxy response implies when
    /// <c>Source</c> is unset, and the attribute's source in every other case (an explicit <c>Direct</c> keeps the
    /// pointer format, for functions invoked through the SDK that happen to return a proxy response).
    /// </summary>
    public static HandlerSource Check(ClaimCheckAttributeValues attribute, IMethodSymbol method, HandlerSignature signature, List<Refusal> refusals)
    {
        HandlerSource? implied = SourceOf(signature.ResponseType);
        if (IsHttp(attribute.Source))
        {
            if (implied is not { } proxy || !Accepts(attribute.Source, proxy))
            {
                refusals.Add(Refusal.AtReturn(RefusalReason.HttpSourceWithoutProxyResponse, method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), attribute.Source.ToString()));
            }

            return attribute.Source;
        }

        return implied is { } fromType && !attribute.SourceIsExplicit ? fromType : attribute.Source;
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

    /// <summary>The proxy response types an HTTP source reads, for messages.</summary>
    public static string ResponseTypesFor(HandlerSource source) => source switch
    {
        HandlerSource.ApplicationLoadBalancer => "ApplicationLoadBalancerResponse",
        HandlerSource.ApiGatewayRest => "APIGatewayProxyResponse",
        HandlerSource.ApiGatewayHttp => "APIGatewayHttpApiV2ProxyResponse or APIGatewayProxyResponse (payload format 1.0)",
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
