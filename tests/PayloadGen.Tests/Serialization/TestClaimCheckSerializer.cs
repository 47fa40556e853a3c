namespace PayloadGen.Tests.Serialization;

/// <summary>A user's one line: the generator makes this an <c>ILambdaSerializer</c> (reflection metadata, Lambda's options).</summary>
[ClaimCheckSerializer]
public sealed partial class TestClaimCheckSerializer
{
}
