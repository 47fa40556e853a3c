using System;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// Calls a generated wrapper of a loaded compilation as the Lambda runtime does: on a new instance of its type (none
/// when it is static), with the raw payload as a stream and a context, returning the bytes it answers.
/// </summary>
internal static class WrapperInvocation
{
    /// <param name="remainingTime">The context's remaining time; five minutes when not given.</param>
    public static async Task<byte[]> InvokeAsync(LoadedAssembly loaded, Type functions, string wrapper, byte[] payload, TimeSpan? remainingTime = null)
    {
        MethodInfo method = functions.GetMethod(wrapper) ?? throw new InvalidOperationException("No generated method " + wrapper);
        object context = Activator.CreateInstance(loaded.Type(CompiledFunctionsFixture.ContextType))!;
        if (remainingTime is { } remaining)
        {
            context.GetType().GetProperty("RemainingTime")!.SetValue(context, remaining);
        }

        object? instance = method.IsStatic ? null : Activator.CreateInstance(functions);
        using var input = new MemoryStream(payload);
        using Stream output = await (Task<Stream>)method.Invoke(instance, [input, context])!;
        using var buffer = new MemoryStream();
        await output.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
