using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// What each source allows of a signature that <see cref="SignatureReader"/> has accepted: the wrapper of a
/// direct, async or Step Functions handler is called once per invocation, that of an SQS or SNS handler once per
/// record, and each can only pass what it has.
/// </summary>
internal static class SourceSignatureRules
{
    /// <summary>Whether a wrapper for <paramref name="source"/> can call a method with <paramref name="signature"/>.</summary>
    public static bool Allow(HandlerSource source, HandlerSignature signature)
        => source is HandlerSource.Sqs or HandlerSource.Sns ? AllowPerRecord(signature) : AllowPerInvocation(signature);

    // A QueueMessageContext exists only for a record of a batch.
    private static bool AllowPerInvocation(HandlerSignature signature) => !Takes(signature, ParameterRole.MessageContext);

    private static bool AllowPerRecord(HandlerSignature signature)
    {
        // A claim-check queue handler exists to receive the (possibly stored) message; one without a payload
        // parameter makes no sense. Hydrating with a stand-in type such as JsonElement is not an option either: under
        // [ClaimCheck(JsonContext = …)] its metadata would have to come from the user's context, which need not
        // declare it. So no wrapper is written; the analyzers say why.
        if (signature.RequestType is null)
        {
            return false;
        }

        // Nothing receives a value a queue handler returns: the response of the invocation is the batch response.
        // Rather than drop it silently, no wrapper is written; the analyzers explain.
        return signature.ReturnShape is ReturnShape.Task or ReturnShape.ValueTask or ReturnShape.Void;
    }

    private static bool Takes(HandlerSignature signature, ParameterRole role)
    {
        foreach (HandlerParameter parameter in signature.Parameters)
        {
            if (parameter.Role == role)
            {
                return true;
            }
        }

        return false;
    }
}
