namespace PayloadGen.Generators.Diagnostics;

/// <summary>How a payload travels, which decides its limit; a finer split than PayloadSource because ALB and API Gateway differ.</summary>
internal enum InvocationPath
{
    /// <summary>Synchronous invoke (RequestResponse), function URL: 6 MB each way.</summary>
    Sync,

    /// <summary>API Gateway proxy integration: synchronous invoke limits, HTTP response envelope.</summary>
    ApiGateway,

    /// <summary>Application Load Balancer target: 1 MB each way, HTTP response envelope.</summary>
    Alb,

    /// <summary>Asynchronous invoke (Event), including S3 and EventBridge notifications; the response goes nowhere.</summary>
    AsyncInvoke,

    /// <summary>SQS event source mapping or SendMessage.</summary>
    Sqs,

    /// <summary>SNS subscription or Publish.</summary>
    Sns,

    /// <summary>Step Functions task state.</summary>
    StepFunctions,

    /// <summary>EventBridge PutEvents entry.</summary>
    EventBridge,

    /// <summary>Kinesis or DynamoDB stream poller: batches of records the service already bounded; the response goes nowhere.</summary>
    Stream,
}
