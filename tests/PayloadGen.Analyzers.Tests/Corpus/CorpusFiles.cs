using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PayloadGen.Analyzers.Tests.Corpus;

/// <summary>The realistic handler files under Corpus/, compiled as the assembly "Corpus".</summary>
internal static class CorpusFiles
{
    public const string AssemblyName = "Corpus";

    /// <summary>The corpus has a top-level-statements Program (a minimal API on Lambda hosting), so it is an executable.</summary>
    public const Microsoft.CodeAnalysis.OutputKind OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;

    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IReadOnlyList<(string Path, string Text)> Sources { get; } = System.IO.Directory.GetFiles(Directory, "*.cs.txt")
        .OrderBy(p => p, StringComparer.Ordinal)
        .Select(p => (Path.GetFileName(p)[..^".txt".Length], File.ReadAllText(p)))
        .ToList();

    public static IReadOnlyList<(string Path, string Text)> DeploymentFiles { get; } =
        [
            ("/corpus/template.yaml", File.ReadAllText(Path.Combine(Directory, "template.yaml.txt"))),
            ("/corpus/serverless.template", File.ReadAllText(Path.Combine(Directory, "serverless.template.txt"))),
        ];
}
