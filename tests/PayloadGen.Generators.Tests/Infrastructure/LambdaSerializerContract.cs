namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// Amazon.Lambda.Core's <c>ILambdaSerializer</c> under its real name, which a <c>[ClaimCheckSerializer]</c> class is
/// made to implement; the one declaration lives in tests/Shared/AmazonLambdaSerializerContract.cs.
/// </summary>
internal static class LambdaSerializerContract
{
    public static string Source { get; } = EmbeddedSource.Read("AmazonLambdaSerializerContract.cs");
}
