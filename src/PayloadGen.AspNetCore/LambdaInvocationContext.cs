using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace PayloadGen.AspNetCore;

/// <summary>
/// The time left in the Lambda invocation a request runs in. Amazon.Lambda.AspNetCoreServer keeps the invocation's
/// <c>ILambdaContext</c> in <c>HttpContext.Items</c> but does not cancel <c>RequestAborted</c> at its deadline; its
/// <c>RemainingTime</c> is read by name, because PayloadGen does not reference the Amazon.Lambda packages.
/// </summary>
internal static class LambdaInvocationContext
{
    /// <summary>The key Amazon.Lambda.AspNetCoreServer stores the <c>ILambdaContext</c> under.</summary>
    internal const string ContextItem = "LambdaContext";

    private const string ContextInterface = "Amazon.Lambda.Core.ILambdaContext";
    private const string RemainingTimeProperty = "RemainingTime";

    /// <summary>The invocation's remaining time, or <see langword="null"/> outside Lambda (or when it cannot be read).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "A property the trimmer removed reads as absent: the upload then has no deadline but the client's, as outside Lambda.")]
    public static TimeSpan? RemainingTime(HttpContext context)
    {
        if (!context.Items.TryGetValue(ContextItem, out object? lambdaContext) || lambdaContext is null)
        {
            return null;
        }

        // Through the interface first: an implementation may be explicit (test doubles often are).
        Type type = lambdaContext.GetType();
        PropertyInfo? property = type.GetInterface(ContextInterface)?.GetProperty(RemainingTimeProperty) ?? type.GetProperty(RemainingTimeProperty);
        try
        {
            return property?.GetValue(lambdaContext) as TimeSpan?;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
