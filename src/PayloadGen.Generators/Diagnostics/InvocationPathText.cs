namespace PayloadGen.Generators.Diagnostics;

/// <summary>How messages name an invocation path.</summary>
internal static class InvocationPathText
{
    public static string Name(InvocationPath path) => path switch
    {
        InvocationPath.ApiGateway => "API Gateway",
        InvocationPath.Alb => "Application Load Balancer",
        InvocationPath.AsyncInvoke => "asynchronous invoke",
        InvocationPath.Sqs => "SQS message",
        InvocationPath.Sns => "SNS message",
        InvocationPath.StepFunctions => "Step Functions state",
        InvocationPath.EventBridge => "EventBridge entry",
        InvocationPath.Stream => "stream batch",
        _ => "synchronous invoke",
    };
}
