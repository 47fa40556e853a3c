using System;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Diagnostics;

/// <summary>
/// The one table from a parser refusal to the rule that reports it and the text that says what to change. A
/// refusal reason without a rule here would be a silent skip; the tests walk every <see cref="RefusalReason"/>.
/// </summary>
internal static class RefusalRules
{
    /// <summary>
    /// The rule reporting <paramref name="reason"/>, or <see langword="null"/> when the compiler already reports an
    /// error there (an unresolved type, a method outside any type, an attribute value that is not a constant).
    /// </summary>
    public static DiagnosticDescriptor? For(RefusalReason reason) => reason switch
    {
        RefusalReason.ContainingTypeNotPartial => Rules.ContainingTypeMustBePartial,
        RefusalReason.GenericContainingType
            or RefusalReason.FileLocalContainingType
            or RefusalReason.RefStructContainingType
            or RefusalReason.NotAnOrdinaryMethod
            or RefusalReason.StaticAbstractInterfaceMember
            or RefusalReason.CallsRemovedByCompiler
            or RefusalReason.GenericMethod
            or RefusalReason.AsyncVoid
            or RefusalReason.ReturnsByReference
            or RefusalReason.ParameterByReference
            or RefusalReason.SecondPayloadParameter
            or RefusalReason.UnsupportedPayloadType
            or RefusalReason.UnsupportedResponseType
            or RefusalReason.UnserializablePayloadType
            or RefusalReason.UnserializableResponseType
            or RefusalReason.QueueEnvelopeAsPayload
            or RefusalReason.MessageContextOutsideQueue
            or RefusalReason.QueueHandlerWithoutPayload
            or RefusalReason.QueueHandlerReturnsValue
            or RefusalReason.StreamedRequestOnQueue
            or RefusalReason.HttpSourceWithoutProxyResponse => Rules.UnsupportedHandlerSignature,
        RefusalReason.GeneratedNameTaken
            or RefusalReason.ClaimCheckOverload
            or RefusalReason.HidesInheritedHandler => Rules.GeneratedNameTaken,
        RefusalReason.UndefinedSource
            or RefusalReason.InvalidJsonContext
            or RefusalReason.UndefinedHttpAnswer
            or RefusalReason.PresignSecondsOutOfRange => Rules.InvalidClaimCheckArgument,
        RefusalReason.UnresolvedType
            or RefusalReason.MethodOutsideType
            or RefusalReason.InvalidAttributeValue => null,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "A refusal reason has no rule."),
    };

    /// <summary>What is wrong and what to change: the last argument of the rule's message.</summary>
    public static string Explain(Refusal refusal) => refusal.Reason switch
    {
        RefusalReason.ContainingTypeNotPartial =>
            $"its containing type '{refusal.Subject}' is not partial; make it partial",
        RefusalReason.GenericContainingType =>
            $"its containing type '{refusal.Subject}' is generic and Lambda cannot supply type arguments; move the handler to a non-generic type",
        RefusalReason.FileLocalContainingType =>
            $"its containing type '{refusal.Subject}' is file-local, so the generated part in another file cannot extend it; remove the 'file' modifier",
        RefusalReason.RefStructContainingType =>
            $"its containing type '{refusal.Subject}' is a ref struct, which cannot hold the async wrapper; move the handler to a class or struct",
        RefusalReason.NotAnOrdinaryMethod =>
            $"it is {refusal.Detail}, which Lambda cannot name as a handler; put [ClaimCheck] on an ordinary method of a partial class",
        RefusalReason.StaticAbstractInterfaceMember =>
            $"it is a static {refusal.Detail} interface member, which can only be called through a type parameter; put [ClaimCheck] on the implementation in a class that implements '{refusal.Subject}'",
        RefusalReason.CallsRemovedByCompiler =>
            $"{refusal.Subject}, so the compiler removes calls to it and the wrapper would call nothing; {refusal.Detail}",
        RefusalReason.GenericMethod =>
            "it is generic and Lambda cannot supply type arguments; use concrete types",
        RefusalReason.AsyncVoid =>
            "it is async void, so Lambda cannot await it; return Task instead",
        RefusalReason.ReturnsByReference =>
            $"it returns '{refusal.Subject}' by {refusal.Detail} and the wrapper serializes a value; remove the '{refusal.Detail}' modifier from the return type",
        RefusalReason.ParameterByReference =>
            $"parameter '{refusal.Subject}' is passed by {refusal.Detail} and Lambda passes the payload by value; remove the modifier",
        RefusalReason.SecondPayloadParameter =>
            $"it takes more than one payload parameter ('{refusal.Detail}' and '{refusal.Subject}') and Lambda passes one payload; take a single request type that holds both",
        RefusalReason.UnsupportedPayloadType =>
            $"parameter '{refusal.Subject}' is a '{refusal.Detail}', a ref struct or pointer that JSON cannot be read into; take a type JSON can deserialize, such as byte[], string or a class",
        RefusalReason.UnsupportedResponseType =>
            $"it returns a '{refusal.Subject}', a ref struct or pointer that JSON cannot write; return a type JSON can serialize, such as byte[], string or a class",
        RefusalReason.UnserializablePayloadType =>
            $"parameter '{refusal.Subject}' is a '{refusal.Detail}', which System.Text.Json refuses to read (a stream, delegate, Type, reflection member or native-sized integer), so every invocation would fail; take the content as byte[] (base64 in JSON), string or a class",
        RefusalReason.UnserializableResponseType =>
            $"it returns a '{refusal.Subject}', which System.Text.Json refuses to write (a stream, delegate, Type, reflection member or native-sized integer), so every invocation would fail; return byte[] (base64 in JSON), string or a class",
        RefusalReason.QueueEnvelopeAsPayload =>
            $"parameter '{refusal.Subject}' is a '{refusal.Detail}', an SQS or SNS event type, but the wrapper reads pointers in record bodies only when it runs the batch loop and passes each body to the method, so a stored body would reach it as an unread pointer; set Source = PayloadSource.Sqs (or Sns), take the body's type and, for the message id and attributes, a QueueMessageContext",
        RefusalReason.MessageContextOutsideQueue =>
            $"parameter '{refusal.Subject}' is a QueueMessageContext, which only SQS and SNS handlers receive, but Source is {refusal.Detail}; remove the parameter or set Source to PayloadSource.Sqs or PayloadSource.Sns",
        RefusalReason.QueueHandlerWithoutPayload =>
            $"it handles {refusal.Detail} records but takes no payload parameter, so it would receive nothing of the message; add a parameter of the message's type",
        RefusalReason.QueueHandlerReturnsValue =>
            $"it handles {refusal.Detail} records and returns '{refusal.Subject}', but nothing receives a value from a queue or topic handler; return Task, ValueTask or void",
        RefusalReason.StreamedRequestOnQueue =>
            $"parameter '{refusal.Subject}' is an IAsyncEnumerable, but {refusal.Detail} records are handled whole (a record that failed half-way would be retried and its first half repeated); take the message's type, such as T[] or List<T>",
        RefusalReason.HttpSourceWithoutProxyResponse =>
            $"Source is {refusal.Detail}, whose callers read only a proxy response, but it returns '{refusal.Subject}' (API Gateway and ALB answer 502 to anything else, a PayloadGen pointer included); return {HttpHandlerShape.ResponseTypesFor(SourceNamed(refusal.Detail))} with the payload serialized into Body, and PayloadGen redirects large bodies to S3",
        RefusalReason.UndefinedHttpAnswer =>
            $"HttpAnswer is {refusal.Detail}, which is not an HttpOffloadAnswer value; set it to SeeOther, TemporaryRedirect or Json",
        RefusalReason.PresignSecondsOutOfRange =>
            $"PresignSeconds is {refusal.Detail}, but a presigned URL lives 1 to 604800 seconds (7 days, S3's limit); set a value in that range, or 0 for the configured lifetime",
        RefusalReason.UndefinedSource =>
            $"Source is {refusal.Detail}, which is not a PayloadSource value; set Source to a named PayloadSource member",
        RefusalReason.InvalidJsonContext =>
            $"JsonContext '{refusal.Detail}' is not a concrete, non-generic JsonSerializerContext; set JsonContext to a partial class deriving from JsonSerializerContext with [JsonSerializable] for the request and response types",
        RefusalReason.GeneratedNameTaken =>
            $"the generated member name '{refusal.Subject}' is {refusal.Detail}; rename that member or the handler",
        RefusalReason.ClaimCheckOverload =>
            $"another [ClaimCheck] overload, '{refusal.Detail}', would get the same wrapper '{refusal.Subject}'; give the handlers different names",
        RefusalReason.HidesInheritedHandler =>
            $"base type '{refusal.Detail}' has a [ClaimCheck] method of the same name, whose wrapper '{refusal.Subject}' this one would hide; rename the handler or keep [ClaimCheck] on one of them",
        RefusalReason.UnresolvedType =>
            $"the type '{(refusal.Site == RefusalSite.Parameter ? refusal.Detail : refusal.Subject)}' does not resolve; fix the compiler error",
        RefusalReason.MethodOutsideType =>
            "it is not declared in a type; declare it in a partial class",
        RefusalReason.InvalidAttributeValue =>
            $"{refusal.Subject} is not a constant the compiler accepts; fix the compiler error",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Reason, "A refusal reason has no message."),
    };

    private static HandlerSource SourceNamed(string name)
        => Enum.TryParse(name, out HandlerSource source) ? source : HandlerSource.ApiGatewayHttp;
}
