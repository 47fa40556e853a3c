using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace PayloadGen.Tests.Serialization;

/// <summary>
/// What the Lambda runtime (Amazon.Lambda.RuntimeSupport's handler wrapper) does with a class-library or executable
/// handler and its serializer: one async method per invocation deserializes the event, awaits the handler and
/// serializes its result into the response stream; or, for a synchronous handler in a host's own loop, no async method
/// at all, so that every invocation runs in the same execution context.
/// </summary>
internal static class LambdaRuntimeHarness
{
    public static async Task<byte[]> InvokeAsync<TIn, TOut>(ILambdaSerializer serializer, byte[] invocation, Func<TIn, ILambdaContext, Task<TOut>> handler, ILambdaContext context)
    {
        using var input = new MemoryStream(invocation, writable: false);
        TIn request = serializer.Deserialize<TIn>(input);
        TOut response = await handler(request, context).ConfigureAwait(false);
        using var output = new MemoryStream();
        serializer.Serialize(response, output);
        return output.ToArray();
    }

    public static Task<byte[]> InvokeAsync<TIn, TOut>(ILambdaSerializer serializer, byte[] invocation, Func<TIn, ILambdaContext, TOut> handler, ILambdaContext context)
        => InvokeAsync<TIn, TOut>(serializer, invocation, (request, lambdaContext) => Task.FromResult(handler(request, lambdaContext)), context);

    /// <summary>
    /// One invocation of a synchronous handler with no async method around it, as a host that runs invocations in its
    /// own loop does: an exception from the handler propagates, and nothing is serialized.
    /// </summary>
    public static byte[] Invoke<TIn, TOut>(ILambdaSerializer serializer, byte[] invocation, Func<TIn, ILambdaContext, TOut> handler, ILambdaContext context)
    {
        using var input = new MemoryStream(invocation, writable: false);
        TIn request = serializer.Deserialize<TIn>(input);
        TOut response = handler(request, context);
        using var output = new MemoryStream();
        serializer.Serialize(response, output);
        return output.ToArray();
    }
}
