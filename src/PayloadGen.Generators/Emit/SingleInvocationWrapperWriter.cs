using System;
using System.Collections.Generic;
using System.Globalization;
using PayloadGen.Generators.Model;
using static PayloadGen.Generators.Emit.WrapperMembers;

namespace PayloadGen.Generators.Emit;

/// <summary>
/// Writes the members of a handler invoked once per payload (direct invoke, async invoke, Step Functions): the
/// handler-string constant, the JSON metadata caches and the <c>Stream</c>-in, <c>Stream</c>-out wrapper.
/// </summary>
internal static class SingleInvocationWrapperWriter
{
    // Generated locals start with "__" so they cannot capture or shadow the user's names.
    private const string RequestLocal = "__request";
    private const string ResponseLocal = "__response";
    private const string Sequence = "global::PayloadGen.HydratedSequence";
    private const string UploadedBodyLocal = "__uploadedBody";
    private const string RefusalLocal = "__refused";

    /// <summary>Writes the members at the writer's current position, inside the containing type.</summary>
    public static void Write(SourceWriter writer, HandlerSpec handler, CompilationFacts facts)
    {
        WriteHandlerConstant(writer, handler, facts);
        if (handler.Request is { } request)
        {
            WriteTypeInfoField(writer, handler.RequestTypeInfoField, request);
        }

        if (handler.Response is { } response)
        {
            WriteTypeInfoField(writer, handler.ResponseTypeInfoField, response);
        }

        WriteWrapper(writer, handler, TakesContext(handler, facts));
    }

    private static void WriteWrapper(SourceWriter writer, HandlerSpec handler, bool takesContext)
    {
        bool needsRuntime = takesContext || handler.Request is not null || handler.Response is not null;
        // With nothing to await (no request to read, a void method) an async method would warn (CS1998).
        bool isAsync = handler.Request is not null || handler.ReturnShape != ReturnShape.Void;

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The claim-check wrapper of <c>" + handler.MethodMetadataName + "</c>: the Lambda handler to deploy (<see cref=\"" + handler.HandlerConstantName + "\"/>).");
        if (handler.RequestIsSequence)
        {
            writer.WriteLine("/// It reads the request, a JSON array inline or behind a pointer, one item at a time as the method enumerates it.");
        }
        else if (handler.Request is not null)
        {
            writer.WriteLine("/// It reads the request inline or, when the request is a pointer, from the payload store.");
        }

        if (handler.HydratesHttpRequestBody)
        {
            writer.WriteLine("/// A request body that is a pointer to an upload slot is replaced by the uploaded content.");
        }

        if (handler.IsHttp)
        {
            writer.WriteLine("/// It returns the proxy response as is or, over the limit of its source, stores the body and answers with its URL.");
        }
        else if (handler.Response is not null)
        {
            writer.WriteLine("/// It returns the response inline or, over the inline threshold, as a pointer to a stored copy.");
        }

        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"input\">The raw invocation payload.</param>");
        if (takesContext)
        {
            writer.WriteLine("/// <param name=\"context\">The Lambda context; its remaining time sets the cancellation deadline.</param>");
        }

        writer.WriteLine(handler.Response is null
            ? "/// <returns>An empty stream: the method returns no response.</returns>"
            : handler.IsHttp
                ? "/// <returns>The proxy response JSON, or a redirect to the stored body.</returns>"
                : "/// <returns>The response JSON, or a pointer to the stored response.</returns>");
        WriteSignature(writer, handler, takesContext, isAsync);
        writer.OpenBlock();

        if (needsRuntime)
        {
            WriteRuntimeLocal(writer, handler);
        }

        WriteDeadlineLocal(writer, takesContext);

        if (handler.Request is { } item && handler.RequestIsSequence)
        {
            // Disposed when the wrapper returns, after the response is written: a response may still be reading it.
            writer.WriteLine("await using " + Sequence + "<" + item.FullyQualifiedName + "> " + RequestLocal + " = await "
                + RuntimeLocal + ".HydrateSequenceAsync(input, " + CachedTypeInfo(handler, handler.RequestTypeInfoField, item)
                + ", allowBarePointer: " + (handler.AllowBarePointer ? "true" : "false")
                + ", allowNullItems: " + (PassesNullAsSent(item) ? "true" : "false") + ", " + DeadlineToken + ").ConfigureAwait(false);");
        }
        else if (handler.Request is { } request)
        {
            writer.WriteLine(request.FullyQualifiedName + (request.IsValueType ? string.Empty : "?") + " " + RequestLocal + " = await "
                + RuntimeLocal + ".HydrateAsync(input, " + CachedTypeInfo(handler, handler.RequestTypeInfoField, request)
                + ", allowBarePointer: " + (handler.AllowBarePointer ? "true" : "false") + ", " + DeadlineToken + ").ConfigureAwait(false);");
        }

        if (handler.HydratesHttpRequestBody)
        {
            WriteUploadedBodyReplacement(writer, handler);
        }

        string call = (handler.IsStatic ? handler.ContainingTypeName : "this") + "." + handler.MethodName + "(" + Arguments(handler) + ")";
        switch (handler.ReturnShape)
        {
            case ReturnShape.Value:
                writer.WriteLine(ResponseDeclaration(handler.Response!) + " = " + call + ";");
                break;
            case ReturnShape.TaskOfValue:
            case ReturnShape.ValueTaskOfValue:
                writer.WriteLine(ResponseDeclaration(handler.Response!) + " = await " + call + ".ConfigureAwait(false);");
                break;
            case ReturnShape.Task:
            case ReturnShape.ValueTask:
                writer.WriteLine("await " + call + ".ConfigureAwait(false);");
                break;
            default:
                writer.WriteLine(call + ";");
                break;
        }

        if (handler.Response is { } httpResponse && handler.IsHttp)
        {
            writer.WriteLine("return await " + RuntimeLocal + ".DehydrateHttpResponseAsync(" + ResponseLocal + (httpResponse.IsAnnotated ? "!" : string.Empty)
                + ", " + CachedTypeInfo(handler, handler.ResponseTypeInfoField, httpResponse)
                + ", global::PayloadGen.PayloadSource." + handler.Source
                + ", new global::PayloadGen.HttpHandlerSettings(" + handler.InlineThresholdBytes.ToString(CultureInfo.InvariantCulture) + "L, global::PayloadGen.HttpOffloadAnswer." + AnswerName(handler.HttpAnswer)
                + ", " + handler.PresignSeconds.ToString(CultureInfo.InvariantCulture) + "), " + DeadlineToken + ").ConfigureAwait(false);");
        }
        else if (handler.Response is { } response)
        {
            writer.WriteLine("return await " + RuntimeLocal + ".DehydrateAsync(" + ResponseLocal + (response.IsAnnotated ? "!" : string.Empty)
                + ", " + CachedTypeInfo(handler, handler.ResponseTypeInfoField, response)
                + ", global::PayloadGen.PayloadSource." + handler.Source + ", "
                + handler.InlineThresholdBytes.ToString(CultureInfo.InvariantCulture) + "L, " + DeadlineToken + ").ConfigureAwait(false);");
        }
        else
        {
            writer.WriteLine(isAsync
                ? "return " + Stream + ".Null;"
                : "return global::System.Threading.Tasks.Task.FromResult(" + Stream + ".Null);");
        }

        writer.CloseBlock();
    }

    private static void WriteUploadedBodyReplacement(SourceWriter writer, HandlerSpec handler)
    {
        // A pointer the client should not have sent is its mistake: a 4xx answer, not a function error (a 502).
        writer.WriteLine("global::PayloadGen.HttpRequestBody? " + UploadedBodyLocal + ";");
        writer.WriteLine("try");
        writer.OpenBlock();
        writer.WriteLine(UploadedBodyLocal + " = " + RequestLocal + " is null ? null : await " + RuntimeLocal + ".HydrateHttpRequestBodyAsync(" + RequestLocal + ".Body, "
            + RequestLocal + ".IsBase64Encoded, " + DeadlineToken + ").ConfigureAwait(false);");
        writer.CloseBlock();
        writer.WriteLine("catch (global::PayloadGen.ClaimCheckException " + RefusalLocal + ") when (" + Runtime + ".IsRefusedUpload(" + RefusalLocal + "))");
        writer.OpenBlock();
        writer.WriteLine("return " + RuntimeLocal + ".AnswerRefusedUpload(" + RefusalLocal + ", global::PayloadGen.PayloadSource." + handler.Source + ");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("if (" + UploadedBodyLocal + " is not null)");
        writer.OpenBlock();
        writer.WriteLine(RequestLocal + "!.Body = " + UploadedBodyLocal + ".Body;");
        writer.WriteLine(RequestLocal + "!.IsBase64Encoded = " + UploadedBodyLocal + ".IsBase64Encoded;");
        writer.CloseBlock();
        writer.WriteLine();
    }

    // Values of PayloadGen.HttpOffloadAnswer; the parser refuses any other.
    private static string AnswerName(int answer) => answer switch
    {
        1 => "SeeOther",
        2 => "TemporaryRedirect",
        3 => "Json",
        _ => "Default",
    };

    private static string ResponseDeclaration(PayloadTypeSpec response)
        => response.FullyQualifiedName + (response.IsAnnotated ? "?" : string.Empty) + " " + ResponseLocal;

    private static string Arguments(HandlerSpec handler)
    {
        var arguments = new List<string>(handler.Parameters.Count);
        foreach (HandlerParameter parameter in handler.Parameters)
        {
            arguments.Add(parameter.Role switch
            {
                ParameterRole.LambdaContext => "context",
                ParameterRole.CancellationToken => DeadlineToken,
                // A sequence is never null (the wrapper makes it); any other payload goes through the null check.
                ParameterRole.Payload => handler.RequestIsSequence ? RequestLocal : PayloadArgument(handler.Request!, RequestLocal),
                // The parser gives per-invocation handlers no other role (a QueueMessageContext exists only per record).
                _ => throw new InvalidOperationException("A " + handler.Source + " handler cannot take a " + parameter.Role + " parameter."),
            });
        }

        return string.Join(", ", arguments);
    }
}
