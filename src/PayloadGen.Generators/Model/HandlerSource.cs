namespace PayloadGen.Generators.Model;

/// <summary>
/// The generator's copy of <c>PayloadGen.PayloadSource</c>: the generator cannot reference the runtime library, so
/// the values must stay equal to the runtime enum's, which the tests check.
/// </summary>
internal enum HandlerSource
{
    Direct = 0,
    AsyncInvoke = 1,
    StepFunctions = 2,
    Sqs = 3,
    Sns = 4,
    ApiGatewayRest = 5,
    ApiGatewayHttp = 6,
    FunctionUrl = 7,
    ApplicationLoadBalancer = 8,
}
