namespace PayloadGen;

/// <summary>The way a handler is invoked, which decides how large an inline payload may be.</summary>
public enum PayloadSource
{
    /// <summary>Synchronous invoke (RequestResponse), function URL, API Gateway: 6 MB each way.</summary>
    Direct = 0,

    /// <summary>Asynchronous invoke (Event): 1 MB request; the response goes nowhere.</summary>
    AsyncInvoke = 1,

    /// <summary>A Step Functions task: the state, and so the response, is capped at 256 KiB.</summary>
    StepFunctions = 2,

    /// <summary>SQS event source mapping: one call per record, 1 MiB per message.</summary>
    Sqs = 3,

    /// <summary>SNS subscription: one call per record, 256 KB per message.</summary>
    Sns = 4,
}
