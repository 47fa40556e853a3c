using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PayloadGen.Analyzers.Tests.Corpus;

/// <summary>
/// Which corpus files can affect one another: two files are neighbours when one names a symbol the other declares (a
/// type, a method, an extension, a partial part), read once from the intact corpus. A mangled file's neighbourhood is
/// every file connected to it, so every handler that can reach its code, and every piece of code it can reach, is
/// analyzed with it; files outside it are analyzed exactly as in the intact corpus, which has its own test.
/// </summary>
internal static class CorpusNeighbourhoods
{
    private static readonly Lazy<int[]> Components = new(Connect);

    /// <summary>The indexes of the corpus files connected to file <paramref name="fileIndex"/> (itself included), in order.</summary>
    public static IReadOnlyList<int> Of(int fileIndex)
    {
        int[] components = Components.Value;
        return Enumerable.Range(0, components.Length).Where(i => components[i] == components[fileIndex]).ToList();
    }

    private static int[] Connect()
    {
        var compilation = CorpusFiles.Compile(CorpusFiles.Sources);
        var indexOf = new Dictionary<SyntaxTree, int>();
        for (int i = 0; i < CorpusFiles.Sources.Count; i++)
        {
            indexOf[compilation.SyntaxTrees.Single(t => t.FilePath == CorpusFiles.Sources[i].Path)] = i;
        }

        int[] parent = Enumerable.Range(0, CorpusFiles.Sources.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);

        foreach ((SyntaxTree tree, int index) in indexOf)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SimpleNameSyntax name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                SymbolInfo info = model.GetSymbolInfo(name);
                foreach (ISymbol symbol in info.Symbol is { } bound ? [bound] : info.CandidateSymbols)
                {
                    ISymbol declared = symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol.OriginalDefinition;
                    foreach (SyntaxReference reference in declared.DeclaringSyntaxReferences)
                    {
                        if (indexOf.TryGetValue(reference.SyntaxTree, out int other))
                        {
                            parent[Find(other)] = Find(index);
                        }
                    }
                }
            }
        }

        return Enumerable.Range(0, parent.Length).Select(Find).ToArray();
    }
}
