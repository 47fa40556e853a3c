using System;
using Amazon.Lambda.Core;

namespace PayloadGen.Benchmarks;

/// <summary>A Lambda context with a fixed 30 s left: the generated handler starts its deadline from it.</summary>
public sealed class BenchmarkLambdaContext : ILambdaContext
{
    public string AwsRequestId => "benchmark";

    public IClientContext ClientContext => null!;

    public string FunctionName => "benchmark";

    public string FunctionVersion => "$LATEST";

    public ICognitoIdentity Identity => null!;

    public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:123456789012:function:benchmark";

    public ILambdaLogger Logger => null!;

    public string LogGroupName => "/aws/lambda/benchmark";

    public string LogStreamName => "benchmark";

    public int MemoryLimitInMB => 1024;

    public TimeSpan RemainingTime => TimeSpan.FromSeconds(30);
}
