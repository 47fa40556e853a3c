namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// The API Gateway and ALB proxy request and response types (Amazon.Lambda.APIGatewayEvents,
/// Amazon.Lambda.ApplicationLoadBalancerEvents) with their real names and JSON names; the one declaration lives in
/// tests/Shared/AmazonLambdaHttpEventsContract.cs, which the runtime tests compile and these tests embed.
/// </summary>
internal static class HttpEventsContract
{
    public static string Source { get; } = EmbeddedSource.Read("AmazonLambdaHttpEventsContract.cs");
}
