// Amazon.Lambda.Core is not restorable in this build environment. These are its contract types with their real
// members (Amazon.Lambda.Core 2.x), declared once in test code so the generator sees
// `Amazon.Lambda.Core.ILambdaContext` by metadata name exactly as it does in a user's project that references the
// package. PayloadGen.Tests compiles this file; PayloadGen.Generators.Tests embeds it as the source of its
// in-memory compilations.
#pragma warning disable CA1716, CA1720, CA1056 // The names are Amazon.Lambda.Core's, not ours to choose.
using System;
using System.Collections.Generic;

namespace Amazon.Lambda.Core
{
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method)]
    public sealed class LambdaSerializerAttribute : Attribute
    {
        public LambdaSerializerAttribute(Type serializerType) => SerializerType = serializerType;

        public Type SerializerType { get; set; }
    }

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
