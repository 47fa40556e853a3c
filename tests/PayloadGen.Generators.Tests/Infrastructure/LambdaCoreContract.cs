namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// Amazon.Lambda.Core's context contract, declared in test code because the package is not restorable here. The
/// members are the real ones (Amazon.Lambda.Core 2.x), so generated code is checked against the real shape.
/// </summary>
internal static class LambdaCoreContract
{
    public const string Source = """
        namespace Amazon.Lambda.Core
        {
            using System;
            using System.Collections.Generic;

            public interface ILambdaContext
            {
                string AwsRequestId { get; }
                IClientContext ClientContext { get; }
                string FunctionName { get; }
                string FunctionVersion { get; }
                ICognitoIdentity Identity { get; }
                string InvokedFunctionArn { get; }
                ILambdaLogger Logger { get; }
                string LogGroupName { get; }
                string LogStreamName { get; }
                int MemoryLimitInMB { get; }
                TimeSpan RemainingTime { get; }
            }

            public interface ILambdaLogger
            {
                void Log(string message);
                void LogLine(string message);
            }

            public interface IClientContext
            {
                IDictionary<string, string> Environment { get; }
                IClientApplication Client { get; }
                IDictionary<string, string> Custom { get; }
            }

            public interface IClientApplication
            {
                string AppPackageName { get; }
                string AppTitle { get; }
                string AppVersionCode { get; }
                string AppVersionName { get; }
                string InstallationId { get; }
            }

            public interface ICognitoIdentity
            {
                string IdentityId { get; }
                string IdentityPoolId { get; }
            }
        }

        namespace TestSupport
        {
            using System;
            using System.Collections.Generic;
            using Amazon.Lambda.Core;

            /// <summary>A context as the Lambda runtime passes one, with a settable remaining time.</summary>
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
