using System;
using System.Diagnostics;
using Amazon.Lambda.Core;

namespace PayloadGen.Tests.Lambda;

/// <summary>A Lambda context whose deadline is a fixed time from its creation, like the real one.</summary>
public sealed class TestLambdaContext : ILambdaContext
{
    private readonly long _created = Stopwatch.GetTimestamp();
    private readonly TimeSpan _timeout;

    public TestLambdaContext(TimeSpan timeout) => _timeout = timeout;

    public string AwsRequestId => "test-request";

    public IClientContext ClientContext => null!;

    public string FunctionName => "test-function";

    public string FunctionVersion => "$LATEST";

    public ICognitoIdentity Identity => null!;

    public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:123456789012:function:test-function";

    public ILambdaLogger Logger => null!;

    public string LogGroupName => "/aws/lambda/test-function";

    public string LogStreamName => "stream";

    public int MemoryLimitInMB => 1024;

    public TimeSpan RemainingTime => _timeout - Stopwatch.GetElapsedTime(_created);
}
