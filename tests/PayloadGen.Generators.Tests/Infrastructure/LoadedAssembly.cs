using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// A compilation emitted and loaded into a collectable context. PayloadGen, the AWS SDK and the framework resolve
/// from the default context, so the loaded code and the test share one <see cref="ClaimCheckRuntime"/> type.
/// </summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Emits <paramref name="compilation"/>, failing the test with the compiler's errors if it does not build.</summary>
    public static LoadedAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new AssemblyLoadContext("PayloadGen.Generators.Tests." + compilation.AssemblyName, isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>A type of the loaded assembly.</summary>
    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    public void Dispose() => _context.Unload();
}
