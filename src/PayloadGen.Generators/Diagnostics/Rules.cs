using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Diagnostics;

/// <summary>Every descriptor PayloadGen reports; analyzers take theirs from here.</summary>
public static class Rules
{
    private const string Usage = "Usage";
    private const string Reliability = "Reliability";

    public static readonly DiagnosticDescriptor ContainingTypeMustBePartial = Create(
        DiagnosticIds.ContainingTypeMustBePartial,
        "Type containing a [ClaimCheck] handler must be partial",
        "Make '{0}' partial so the generator can add the claim-check wrapper of '{1}'",
        Usage,
        DiagnosticSeverity.Error,
        "The claim-check wrapper is generated into the same type as the handler, so the type and every type that contains it must be declared partial.");

    public static readonly DiagnosticDescriptor UnsupportedHandlerSignature = Create(
        DiagnosticIds.UnsupportedHandlerSignature,
        "Handler signature is not supported by [ClaimCheck]",
        "[ClaimCheck] cannot wrap '{0}': {1}",
        Usage,
        DiagnosticSeverity.Error,
        "Lambda binds one payload parameter, optionally an ILambdaContext and a CancellationToken (and, for SQS and SNS handlers, a QueueMessageContext), passes them by value and awaits the result; generic methods and methods of generic types cannot be bound, and the wrapper must be able to live in the handler's type. No wrapper is generated for such a method, so its handler string would not exist.");

    public static readonly DiagnosticDescriptor HandlerTypeNeedsParameterlessConstructor = Create(
        DiagnosticIds.HandlerTypeNeedsParameterlessConstructor,
        "Instance handler's type needs a public parameterless constructor",
        "Lambda creates '{0}' to call the instance handler '{1}', but {2}; add a public parameterless constructor or make the handler static",
        Usage,
        DiagnosticSeverity.Warning,
        "The Lambda runtime instantiates the handler's type with its public parameterless constructor once per execution environment; without one the function fails at its first invocation.");

    public static readonly DiagnosticDescriptor DeployedHandlerBypassesClaimCheck = Create(
        DiagnosticIds.DeployedHandlerBypassesClaimCheck,
        "Deployed handler bypasses the claim-check wrapper",
        "Handler '{0}' names the [ClaimCheck] method itself, so large payloads are not offloaded in production; deploy '{1}'",
        Usage,
        DiagnosticSeverity.Warning,
        "A deployment file (aws-lambda-tools-defaults.json, serverless.template, template.yaml) whose handler string names the annotated method instead of its generated wrapper deploys the function without the claim check.");

    public static readonly DiagnosticDescriptor JsonContextRequiredForAot = Create(
        DiagnosticIds.JsonContextRequiredForAot,
        "[ClaimCheck] needs a JsonSerializerContext under Native AOT",
        "[ClaimCheck] on '{0}' has no JsonContext while {1} is true; set JsonContext = typeof(...) to a JsonSerializerContext that includes the request and response types",
        Usage,
        DiagnosticSeverity.Warning,
        "Reflection-based System.Text.Json serialization is trimmed away in Native AOT builds; the wrapper needs a source-generated JsonSerializerContext for the request and response types.");

    public static readonly DiagnosticDescriptor GeneratedNameTaken = Create(
        DiagnosticIds.GeneratedNameTaken,
        "Name of a generated claim-check member is already taken",
        "[ClaimCheck] cannot wrap '{0}': {1}",
        Usage,
        DiagnosticSeverity.Error,
        "The generator adds '{Method}ClaimCheck' and the constant '{Method}ClaimCheckHandler' to the handler's type. When a member, an inherited member, the type itself or another [ClaimCheck] method already has one of these names, no wrapper is generated, so its handler string would not exist.");

    public static readonly DiagnosticDescriptor InvalidClaimCheckArgument = Create(
        DiagnosticIds.InvalidClaimCheckArgument,
        "[ClaimCheck] argument has no usable value",
        "[ClaimCheck] cannot wrap '{0}': {1}",
        Usage,
        DiagnosticSeverity.Error,
        "Source must be a named PayloadSource value and JsonContext a concrete, non-generic class deriving from JsonSerializerContext. No wrapper is generated for a handler whose attribute says otherwise, so its handler string would not exist.");

    public static readonly DiagnosticDescriptor ClaimCheckSerializerNotGenerated = Create(
        DiagnosticIds.ClaimCheckSerializerNotGenerated,
        "[ClaimCheckSerializer] class cannot become a Lambda serializer",
        "[ClaimCheckSerializer] cannot make '{0}' a Lambda serializer: {1}",
        Usage,
        DiagnosticSeverity.Error,
        "The generator adds Amazon.Lambda.Core.ILambdaSerializer, its Deserialize and Serialize methods and the constructors Lambda and tests call to a non-generic, non-nested, partial, instantiable class, in a project that references Amazon.Lambda.Core. Nothing is generated for any other class, so [assembly: LambdaSerializer] or LambdaBootstrapBuilder could not use it.");

    public static readonly DiagnosticDescriptor ConfigurationMemberIgnored = Create(
        DiagnosticIds.ConfigurationMemberIgnored,
        "Claim-check configuration member is ignored",
        "The wrapper of '{0}' ignores '{1}': {2}",
        Usage,
        DiagnosticSeverity.Warning,
        "A handler's type configures its wrappers through a ClaimCheckRuntime field or property (static for a static handler) and a static ClaimCheckJsonOptions of type JsonSerializerOptions. A member of one of these names that the wrapper cannot use is ignored, and the wrapper falls back to ClaimCheckRuntime.Default or to Lambda's default JSON options: an injected store or client is silently bypassed.");

    public static readonly DiagnosticDescriptor PointerBehindHttp = Create(
        DiagnosticIds.PointerBehindHttp,
        "[ClaimCheck] handler behind API Gateway or an ALB would answer with a pointer",
        "'{0}' is invoked through {1} ({2}), which reads only a proxy response, but it returns '{3}': an offloaded response would reach the client as a 502; return {4} with the payload serialized into Body (PayloadGen then redirects large bodies to S3), or set Source = PayloadSource.Direct if callers invoke the function directly",
        Usage,
        DiagnosticSeverity.Warning,
        "API Gateway and Application Load Balancers pass a Lambda response to the HTTP client only when it is a proxy response ({statusCode, headers, body}). A [ClaimCheck] handler that returns a plain object answers a large response with a PayloadGen pointer, which neither can read. Return the proxy response: the wrapper then keeps small responses unchanged and answers large ones with a redirect to the stored body.");

    public static readonly DiagnosticDescriptor ResponseLikelyExceedsLimit = Create(
        DiagnosticIds.ResponseLikelyExceedsLimit,
        "Handler response is likely to exceed its invocation limit",
        "The response of '{0}' is likely to exceed the {1} limit of {2} bytes: {3}; {4}",
        Reliability,
        DiagnosticSeverity.Warning,
        "The method body shows the response is built from unbounded data (a whole file or stream, a query with no Take, a drained DynamoDB scan), or its smallest possible JSON is already over the limit. Lambda fails such an invocation at run time.");

    public static readonly DiagnosticDescriptor RequestLikelyExceedsLimit = Create(
        DiagnosticIds.RequestLikelyExceedsLimit,
        "Handler request is certain to exceed its invocation limit",
        "The request of '{0}' cannot fit the {1} limit of {2} bytes: {3}; {4}",
        Reliability,
        DiagnosticSeverity.Warning,
        "The smallest JSON the request type can serialize to is already over the limit of the handler's invocation path, so no caller can invoke it inline.");

    public static readonly DiagnosticDescriptor MessageLikelyExceedsLimit = Create(
        DiagnosticIds.MessageLikelyExceedsLimit,
        "Sent message is likely to exceed the service limit",
        "This {0} is likely to exceed its limit of {1} bytes: {2}; store the payload in S3 and send a pointer to it",
        Reliability,
        DiagnosticSeverity.Warning,
        "The message body is serialized from data that the method body shows to be unbounded, or that is always over the service's message limit; the send fails at run time.");

    public static readonly DiagnosticDescriptor ResponseMayExceedLimit = Create(
        DiagnosticIds.ResponseMayExceedLimit,
        "Handler response type has no size bound",
        "The response of '{0}' may exceed the {1} limit of {2} bytes: {3}; {4}",
        Reliability,
        DiagnosticSeverity.Info,
        "The response type can grow without bound (a collection or binary data with no declared bound) and nothing in the method body bounds it. Raise the severity in .editorconfig to enforce bounds.");

    public static readonly DiagnosticDescriptor RequestMayExceedLimit = Create(
        DiagnosticIds.RequestMayExceedLimit,
        "Handler request type has no size bound",
        "The request of '{0}' may exceed the {1} limit of {2} bytes: {3}; {4}",
        Reliability,
        DiagnosticSeverity.Info,
        "The request type can grow without bound (a collection or binary data with no declared bound). Raise the severity in .editorconfig to enforce bounds.");

    public static readonly DiagnosticDescriptor MessageMayExceedLimit = Create(
        DiagnosticIds.MessageMayExceedLimit,
        "Sent message type has no size bound",
        "This {0} may exceed its limit of {1} bytes: {2}; bound the type, or store large payloads in S3 and send a pointer",
        Reliability,
        DiagnosticSeverity.Info,
        "The message body is serialized from a type that can grow without bound and nothing in the method body bounds it. Raise the severity in .editorconfig to enforce bounds.");

    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, RuleHelpLinks.For(id));
}
