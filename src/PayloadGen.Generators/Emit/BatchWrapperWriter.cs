using System;
using System.Collections.Generic;
using System.Globalization;
using PayloadGen.Generators.Model;
using static PayloadGen.Generators.Emit.WrapperMembers;

namespace PayloadGen.Generators.Emit;

/// <summary>
/// Writes the members of a handler called once per record of an SQS or SNS event: the handler-string constant,
/// the message's JSON metadata cache and the <c>Stream</c>-in, <c>Stream</c>-out wrapper, which hands the event to
/// the runtime's batch loop with a lambda calling the user's method.
/// </summary>
internal static class BatchWrapperWriter
{
    // The lambda's parameters, named like the wrapper's locals so they cannot capture or shadow the user's names.
    private const string MessageParameter = "__message";
    private const string MessageContextParameter = "__messageContext";
    private const string CancellationTokenParameter = "__cancellationToken";

    /// <summary>A copy of a struct's <c>this</c>, which a lambda cannot capture.</summary>
    private const string SelfLocal = "__self";

    private const string BatchOptions = "global::PayloadGen.ClaimCheckBatchOptions";
    private const string BatchException = "global::PayloadGen.ClaimCheckBatchException";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";

    /// <summary>Writes the members at the writer's current position, inside the containing type.</summary>
    public static void Write(SourceWriter writer, HandlerSpec handler, CompilationFacts facts)
    {
        // The parser writes no queue handler without a payload parameter, nor one that returns a value.
        PayloadTypeSpec message = handler.Request
            ?? throw new InvalidOperationException("A " + handler.Source + " handler must take the message.");

        WriteHandlerConstant(writer, handler, facts);
        WriteTypeInfoField(writer, handler.RequestTypeInfoField, message);
        WriteWrapper(writer, handler, message, TakesContext(handler, facts));
    }

    private static void WriteWrapper(SourceWriter writer, HandlerSpec handler, PayloadTypeSpec message, bool takesContext)
    {
        bool isSqs = handler.Source == HandlerSource.Sqs;
        string eventName = isSqs ? "SQS" : "SNS";

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The claim-check wrapper of <c>" + handler.MethodMetadataName + "</c>: the Lambda handler to deploy (<see cref=\"" + handler.HandlerConstantName + "\"/>).");
        writer.WriteLine("/// It calls the method once per record of the " + eventName + " event, with the message read inline or, when it is a pointer, from the payload store.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"input\">The " + eventName + " event as Lambda delivers it.</param>");
        if (takesContext)
        {
            writer.WriteLine("/// <param name=\"context\">The Lambda context; its remaining time sets the cancellation deadline.</param>");
        }

        if (isSqs)
        {
            writer.WriteLine("/// <returns>The partial batch response naming the records that failed (enable ReportBatchItemFailures on the event source mapping).</returns>");
        }
        else
        {
            writer.WriteLine("/// <returns>An empty stream.</returns>");
            writer.WriteLine("/// <exception cref=\"" + BatchException + "\">A record failed. The others were still processed; failing the invocation makes Lambda retry it.</exception>");
        }

        WriteSignature(writer, handler, takesContext, isAsync: true);
        writer.OpenBlock();
        WriteRuntimeLocal(writer, handler);
        WriteDeadlineLocal(writer, takesContext);

        bool copiesSelf = !handler.IsStatic && IsDeclaredInStruct(handler);
        if (copiesSelf)
        {
            // A lambda in a struct cannot capture 'this'; the records are processed by one copy of the instance.
            writer.WriteLine(handler.ContainingTypeName + " " + SelfLocal + " = this;");
        }

        writer.WriteLine("return await " + RuntimeLocal + "." + (isSqs ? "ProcessSqsBatchAsync" : "ProcessSnsEventAsync") + "(");
        writer.Indentation++;
        writer.WriteLine("input,");
        writer.WriteLine(CachedTypeInfo(handler, handler.RequestTypeInfoField, message) + ",");
        writer.WriteLine("allowBarePointer: " + (handler.AllowBarePointer ? "true" : "false") + ",");
        WriteRecordHandler(writer, handler, message, copiesSelf);
        writer.WriteLine(Options(handler) + ",");
        writer.WriteLine(DeadlineToken + ").ConfigureAwait(false);");
        writer.Indentation--;

        writer.CloseBlock();
    }

    /// <summary>Writes the lambda the batch loop calls per record, followed by a comma.</summary>
    private static void WriteRecordHandler(SourceWriter writer, HandlerSpec handler, PayloadTypeSpec message, bool copiesSelf)
    {
        // 'static' is written only where it is legal: a static method's call captures nothing but the wrapper's
        // context, when the method takes it.
        string modifiers = handler.IsStatic && !handler.TakesLambdaContext ? "static " : string.Empty;
        string parameters = "(" + MessageParameter + ", " + MessageContextParameter + ", " + CancellationTokenParameter + ") =>";
        string target = handler.IsStatic ? handler.ContainingTypeName : copiesSelf ? SelfLocal : "this";
        string call = target + "." + handler.MethodName + "(" + Arguments(handler, message) + ")";

        if (handler.ReturnShape is ReturnShape.Task or ReturnShape.ValueTask)
        {
            writer.WriteLine(modifiers + "async " + parameters + " await " + call + ".ConfigureAwait(false),");
            return;
        }

        // A void method: called synchronously, with nothing to await (an async lambda would warn, CS1998).
        writer.WriteLine(modifiers + parameters);
        writer.OpenBlock();
        writer.WriteLine(call + ";");
        writer.WriteLine("return default(" + ValueTask + ");");
        writer.Indentation--;
        writer.WriteLine("},");
    }

    private static string Options(HandlerSpec handler) => handler.MaxConcurrency == 0
        ? "null"
        : "new " + BatchOptions + " { MaxConcurrency = " + handler.MaxConcurrency.ToString(CultureInfo.InvariantCulture) + " }";

    private static string Arguments(HandlerSpec handler, PayloadTypeSpec message)
    {
        var arguments = new List<string>(handler.Parameters.Count);
        foreach (HandlerParameter parameter in handler.Parameters)
        {
            arguments.Add(parameter.Role switch
            {
                ParameterRole.Payload => PayloadArgument(message, MessageParameter),
                ParameterRole.LambdaContext => "context",
                // The loop's token is the deadline's: it is cancelled when the invocation is about to time out.
                ParameterRole.CancellationToken => CancellationTokenParameter,
                ParameterRole.MessageContext => MessageContextParameter,
                _ => throw new InvalidOperationException("Unknown parameter role " + parameter.Role + "."),
            });
        }

        return string.Join(", ", arguments);
    }

    private static bool IsDeclaredInStruct(HandlerSpec handler)
        => handler.ContainingTypes.Count > 0
            && handler.ContainingTypes[handler.ContainingTypes.Count - 1].Kind is ContainingTypeKind.Struct or ContainingTypeKind.RecordStruct;
}
