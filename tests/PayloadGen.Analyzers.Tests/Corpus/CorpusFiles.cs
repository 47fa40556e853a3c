using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PayloadGen.Analyzers.Tests.Infrastructure;

namespace PayloadGen.Analyzers.Tests.Corpus;

/// <summary>
/// The realistic handler files under Corpus/, compiled as the assembly "Corpus", and the persistence project under
/// Corpus/Persistence/, compiled (with the generators run on it, as its own build would) into the separate assembly
/// "Corpus.Persistence" that the handlers reference as metadata — a two-project solution.
/// </summary>
internal static class CorpusFiles
{
    public const string AssemblyName = "Corpus";

    public const string LibraryAssemblyName = "Corpus.Persistence";

    /// <summary>The corpus has a top-level-statements Program (a minimal API on Lambda hosting), so it is an executable.</summary>
    public const OutputKind OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Corpus");

    private static readonly Lazy<MetadataReference> Library = new(BuildLibrary);

    public static IReadOnlyList<(string Path, string Text)> Sources { get; } = ReadSources(Folder);

    public static IReadOnlyList<(string Path, string Text)> LibrarySources { get; } = ReadSources(Path.Combine(Folder, "Persistence"));

    public static IReadOnlyList<(string Path, string Text)> DeploymentFiles { get; } =
        [
            ("/corpus/template.yaml", File.ReadAllText(Path.Combine(Folder, "template.yaml.txt"))),
            ("/corpus/serverless.template", File.ReadAllText(Path.Combine(Folder, "serverless.template.txt"))),
        ];

    /// <summary>The handler project: <paramref name="sources"/> with the persistence project referenced as metadata.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources) =>
        AnalyzerRunner.Compile(AssemblyName, sources, OutputKind, [Library.Value]);

    /// <summary>The persistence project alone, as source (before its generators run).</summary>
    public static CSharpCompilation CompileLibrary(IEnumerable<(string Path, string Text)> sources) =>
        AnalyzerRunner.Compile(LibraryAssemblyName, sources);

    private static List<(string Path, string Text)> ReadSources(string folder) => Directory.GetFiles(folder, "*.cs.txt")
        .OrderBy(p => p, StringComparer.Ordinal)
        .Select(p => (Path.GetFileName(p)[..^".txt".Length], File.ReadAllText(p)))
        .ToList();

    /// <summary>Builds the persistence project as its own build would: generators run, then emitted to an image.</summary>
    private static PortableExecutableReference BuildLibrary()
    {
        (Compilation built, var failures) = AnalyzerRunner.RunGenerators(CompileLibrary(LibrarySources), [], "");
        using var image = new MemoryStream();
        var emitted = built.Emit(image);
        if (!failures.IsEmpty || !emitted.Success)
        {
            throw new InvalidOperationException("The corpus persistence project does not build: " + string.Join(Environment.NewLine, failures.Concat(emitted.Diagnostics)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
