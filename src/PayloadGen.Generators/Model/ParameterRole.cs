namespace PayloadGen.Generators.Model;

/// <summary>What the wrapper passes for one parameter of the user's method.</summary>
internal enum ParameterRole
{
    /// <summary>The hydrated request.</summary>
    Payload,

    /// <summary>The wrapper's <c>ILambdaContext</c>.</summary>
    LambdaContext,

    /// <summary>The token of the Lambda deadline.</summary>
    CancellationToken,

    /// <summary>The <c>PayloadGen.QueueMessageContext</c> of the record being processed (SQS and SNS sources only).</summary>
    MessageContext,
}
