using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// System.Text.Json's source generator, as a build of user code runs it beside PayloadGen's: loaded from the targeting
/// pack of the SDK that runs the tests (the framework's own analyzers folder), so a <c>[JsonSerializable]</c>
/// context in test code gets its generated members.
/// </summary>
internal static class SystemTextJsonGenerator
{
    private static readonly Lazy<ISourceGenerator> s_generator = new(Load);

    public static ISourceGenerator Instance => s_generator.Value;

    private static ISourceGenerator Load()
    {
        // The running framework is {dotnet}/shared/Microsoft.NETCore.App/{version}; its targeting pack is
        // {dotnet}/packs/Microsoft.NETCore.App.Ref/{version}, with the generators under analyzers/dotnet/cs.
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string dotnet = Path.GetFullPath(Path.Combine(framework, "..", "..", ".."));
        string packs = Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            throw new InvalidOperationException($"No targeting pack under {packs}: the held-out tests run System.Text.Json's generator from the .NET SDK that runs them.");
        }

        string version = Path.GetFileName(framework);
        string pack = Directory.Exists(Path.Combine(packs, version))
            ? Path.Combine(packs, version)
            : Directory.GetDirectories(packs).OrderBy(path => Version.TryParse(Path.GetFileName(path), out Version? v) ? v : new Version()).Last();
        string path = Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        Type type = Assembly.LoadFrom(path).GetTypes().Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }
}
