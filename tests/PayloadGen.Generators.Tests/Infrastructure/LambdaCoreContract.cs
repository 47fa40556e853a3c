namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// Amazon.Lambda.Core's context contract, declared in test code because the package is not restorable here. The
/// members are the real ones; the one declaration lives in tests/Shared/AmazonLambdaCoreContract.cs, which the
/// runtime tests compile and these tests embed.
/// </summary>
internal static class LambdaCoreContract
{
    /// <summary>The contract, plus a context as the Lambda runtime passes one, with a settable remaining time.</summary>
    public static string Source { get; } = EmbeddedSource.Read("AmazonLambdaCoreContract.cs") + FakeContextSource;

    private const string FakeContextSource = """

        namespace TestSupport
        {
            using System;
            using System.Collections.Generic;
            using Amazon.Lambda.Core;

            public sealed class FakeLambdaContext : ILambdaContext, ILambdaLogger
            {
                public string AwsRequestId { get; set; } = "00000000-0000-0000-0000-000000000000";
                public IClientContext ClientContext { get; set; } = null!;
                public string FunctionName { get; set; } = "test-function";
                public string FunctionVersion { get; set; } = "$LATEST";
                public ICognitoIdentity Identity { get; set; } = null!;
                public string InvokedFunctionArn { get; set; } = "arn:aws:lambda:eu-west-1:123456789012:function:test-function";
                public ILambdaLogger Logger => this;
                public string LogGroupName { get; set; } = "/aws/lambda/test-function";
                public string LogStreamName { get; set; } = "stream";
                public int MemoryLimitInMB { get; set; } = 512;
                public TimeSpan RemainingTime { get; set; } = TimeSpan.FromMinutes(5);
                public List<string> Lines { get; } = new();
                public void Log(string message) => Lines.Add(message);
                public void LogLine(string message) => Lines.Add(message);
            }
        }
        """;
}
