using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// What each source allows of a signature: the wrapper of a direct, async or Step Functions handler is called once
/// per invocation, that of an SQS or SNS handler once per record, and each can only pass what it has.
/// </summary>
internal static class SourceSignatureRules
{
    /// <summary>Whether <paramref name="source"/> calls its handler once per queue or topic record.</summary>
    public static bool IsPerRecord(HandlerSource source) => source is HandlerSource.Sqs or HandlerSource.Sns;

    /// <summary>Adds to <paramref name="refusals"/> what a wrapper for <paramref name="source"/> cannot pass or receive.</summary>
    public static void Check(HandlerSource source, IMethodSymbol method, HandlerSignature signature, List<Refusal> refusals)
    {
        if (IsPerRecord(source))
        {
            CheckPerRecord(source, method, signature, refusals);
            return;
        }

        // A QueueMessageContext exists only for a record of a batch.
        for (int i = 0; i < signature.Parameters.Count; i++)
        {
            if (signature.Parameters[i].Role == ParameterRole.MessageContext)
            {
                refusals.Add(Refusal.AtParameter(RefusalReason.MessageContextOutsideQueue, i, method.Parameters[i].Name, source.ToString()));
            }
        }
    }

    private static int PayloadParameterIndex(HandlerSignature signature)
    {
        for (int i = 0; i < signature.Parameters.Count; i++)
        {
            if (signature.Parameters[i].Role == ParameterRole.Payload)
            {
                return i;
            }
        }

        return 0;
    }

    private static void CheckPerRecord(HandlerSource source, IMethodSymbol method, HandlerSignature signature, List<Refusal> refusals)
    {
        // A claim-check queue handler exists to receive the (possibly stored) message; one without a payload
        // parameter makes no sense. Hydrating with a stand-in type such as JsonElement is not an option either: under
        // [ClaimCheck(JsonContext = …)] its metadata would have to come from the user's context, which need not
        // declare it.
        if (!signature.DeclaresPayload)
        {
            refusals.Add(Refusal.AtMethod(RefusalReason.QueueHandlerWithoutPayload, string.Empty, source.ToString()));
        }

        // A record's handler runs inside the batch loop, which settles each record as one unit: its failure goes to
        // batchItemFailures and its object is kept. A request read lazily would fail after the handler had already
        // acted on part of it, and a retry would repeat that part — so queue handlers take their message whole.
        if (signature.RequestItemType is not null)
        {
            int index = PayloadParameterIndex(signature);
            refusals.Add(Refusal.AtParameter(RefusalReason.StreamedRequestOnQueue, index, method.Parameters[index].Name, source.ToString()));
        }

        // Nothing receives a value a queue handler returns: the response of the invocation is the batch response.
        if (signature.ReturnShape is ReturnShape.Value or ReturnShape.TaskOfValue or ReturnShape.ValueTaskOfValue)
        {
            refusals.Add(Refusal.AtReturn(RefusalReason.QueueHandlerReturnsValue, method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), source.ToString()));
        }
    }
}
