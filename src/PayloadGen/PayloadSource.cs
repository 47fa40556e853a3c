namespace PayloadGen;

/// <summary>The way a handler is invoked, which decides how large an inline payload may be.</summary>
public enum PayloadSource
{
    /// <summary>
    /// Synchronous invoke (RequestResponse): 6 MB each way. Also what a handler without a proxy response behind a
    /// function URL or API Gateway gets, but such a handler should return the proxy response (see the HTTP sources).
    /// </summary>
    Direct = 0,

    /// <summary>Asynchronous invoke (Event): 1 MB request; the response goes nowhere.</summary>
    AsyncInvoke = 1,

    /// <summary>A Step Functions task: the state, and so the response, is capped at 256 KiB.</summary>
    StepFunctions = 2,

    /// <summary>SQS event source mapping: one call per record, 1 MiB per message.</summary>
    Sqs = 3,

    /// <summary>SNS subscription: one call per record, 256 KB per message.</summary>
    Sns = 4,

    /// <summary>
    /// API Gateway REST API, Lambda proxy integration (<c>APIGatewayProxyResponse</c>): 6 MB. Over it, the body is
    /// stored and the client is redirected to it.
    /// </summary>
    ApiGatewayRest = 5,

    /// <summary>
    /// API Gateway HTTP API (<c>APIGatewayHttpApiV2ProxyResponse</c>, or <c>APIGatewayProxyResponse</c> with payload
    /// format 1.0): 6 MB; over it, the client is redirected to the stored body.
    /// </summary>
    ApiGatewayHttp = 6,

    /// <summary>Lambda function URL, buffered (<c>APIGatewayHttpApiV2ProxyResponse</c>): 6 MB; redirect over it.</summary>
    FunctionUrl = 7,

    /// <summary>
    /// Application Load Balancer target (<c>ApplicationLoadBalancerResponse</c>): 1 MB request and response; over
    /// it, the client is redirected to the stored body.
    /// </summary>
    ApplicationLoadBalancer = 8,
}
