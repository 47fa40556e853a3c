using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PayloadGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Corpus;

/// <summary>
/// Incomplete and malformed code is the IDE's normal state: every analyzer (and generator) must survive random
/// truncations and cut-outs of realistic handler files and deployment files without an exception. Each mangled file
/// is compiled with its neighbourhood (<see cref="CorpusNeighbourhoods"/>: every file that can reach its code or that
/// its code can reach), not with the whole corpus: the files outside it would be analyzed exactly as in the intact
/// corpus 50 times per file, which is what made this suite take most of an hour once the engine followed calls.
/// </summary>
public class RobustnessTests
{
    private const int CasesPerFile = 50;

    public static TheoryData<int> Files => new(Enumerable.Range(0, CorpusFiles.Sources.Count));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Analyzers_never_throw_on_truncated_or_mangled_handler_files(int fileIndex)
    {
        (string path, string text) = CorpusFiles.Sources[fileIndex];
        (string templatePath, string template) = CorpusFiles.DeploymentFiles[0];
        (string jsonTemplatePath, string jsonTemplate) = CorpusFiles.DeploymentFiles[1];
        var random = new Random(20261127 + fileIndex);
        var others = CorpusNeighbourhoods.Of(fileIndex).Where(i => i != fileIndex).Select(i => CorpusFiles.Sources[i]).ToList();

        for (int i = 0; i < CasesPerFile; i++)
        {
            string mangled = i % 2 == 0 ? text[..random.Next(text.Length)] : CutOut(text, random);
            string mangledTemplate = template[..random.Next(template.Length)];
            string mangledJsonTemplate = i % 3 == 0 ? CutOut(jsonTemplate, random) : jsonTemplate[..random.Next(jsonTemplate.Length)];
            var sources = new List<(string, string)>(others) { (path, mangled) };
            Compilation compilation = CorpusFiles.Compile(sources);

            AnalyzerRunner.Result result = await AnalyzerRunner.RunAsync(
                compilation,
                [(templatePath, mangledTemplate), (jsonTemplatePath, mangledJsonTemplate), ("/corpus/aws-lambda-tools-defaults.json", "{ \"function-handler\": \"Corpus::Shop.Api.OrdersApi::" + mangled.Length % 7)],
                "payloadgen.limit.sync = 1KB\nbuild_property.PublishAot = true");

            Assert.True(result.AnalyzerExceptions.IsEmpty, $"case {i}: {string.Join(Environment.NewLine, result.AnalyzerExceptions)}");
            Assert.Empty(result.AnalyzerFailures);
            Assert.Empty(result.GeneratorFailures);
        }
    }

    public static TheoryData<int> LibraryFiles => new(Enumerable.Range(0, CorpusFiles.LibrarySources.Count));

    /// <summary>The persistence project runs the generator too (it writes the summaries of its methods): mangle it alone.</summary>
    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public async Task Generator_and_analyzers_never_throw_on_a_mangled_persistence_project(int fileIndex)
    {
        (string path, string text) = CorpusFiles.LibrarySources[fileIndex];
        var random = new Random(20261206 + fileIndex);
        var others = CorpusFiles.LibrarySources.Where((_, i) => i != fileIndex).ToList();

        for (int i = 0; i < CasesPerFile; i++)
        {
            string mangled = i % 2 == 0 ? text[..random.Next(text.Length)] : CutOut(text, random);
            Compilation compilation = CorpusFiles.CompileLibrary(new List<(string, string)>(others) { (path, mangled) });

            AnalyzerRunner.Result result = await AnalyzerRunner.RunAsync(compilation, []);

            Assert.True(result.AnalyzerExceptions.IsEmpty, $"case {i}: {string.Join(Environment.NewLine, result.AnalyzerExceptions)}");
            Assert.Empty(result.AnalyzerFailures);
            Assert.Empty(result.GeneratorFailures);
        }
    }

    /// <summary>The neighbourhoods are closed: each compiles on its own, so no mangled file loses code it depends on.</summary>
    [Fact]
    public void Every_neighbourhood_compiles_on_its_own_and_files_that_share_code_are_neighbours()
    {
        foreach (IReadOnlyList<int> neighbourhood in Enumerable.Range(0, CorpusFiles.Sources.Count).Select(CorpusNeighbourhoods.Of).DistinctBy(n => n[0]))
        {
            Compilation compilation = CorpusFiles.Compile(neighbourhood.Select(i => CorpusFiles.Sources[i]));
            // The corpus is an executable whose entry point is Program.cs's top-level statements: only its neighbourhood has one.
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS5001"));
        }

        // Program.cs maps the endpoints BookingsWeb.cs and InvoicingClean.cs declare; InventoryAnnotations uses HeldOutLayered's repository.
        Assert.Equal(["BookingsWeb.cs", "InvoicingClean.cs", "Program.cs"], Names(CorpusNeighbourhoods.Of(IndexOf("Program.cs"))));
        Assert.Contains("HeldOutLayered.cs", Names(CorpusNeighbourhoods.Of(IndexOf("InventoryAnnotations.cs"))));
        Assert.Equal(["CatalogAbstractions.cs"], Names(CorpusNeighbourhoods.Of(IndexOf("CatalogAbstractions.cs"))));
    }

    /// <summary>
    /// The abstractions the engine follows (overrides, abstract members, property getters, delegates in locals and
    /// fields) broken one keyword or body at a time: an override without <c>override</c>, an abstract member with a
    /// body, a getter without its body, a delegate without its target.
    /// </summary>
    [Fact]
    public async Task Analyzers_never_throw_when_an_abstraction_loses_a_keyword_or_its_target()
    {
        (string path, string text) = CorpusFiles.Sources[IndexOf("CatalogAbstractions.cs")];
        string[] removals = ["override ", "abstract ", "virtual ", "sealed ", " => db.", "get\n", "return archive;", " = () => ", " = File.ReadAllText", " = LoadEverything", ": DynamoRepositoryBase<Book>(context)", ": AuthorDirectoryBase", ": ReviewStore", "await load()", "await pick()"];
        int cases = 0;
        foreach (string removal in removals)
        {
            for (int at = text.IndexOf(removal, StringComparison.Ordinal); at >= 0; at = text.IndexOf(removal, at + 1, StringComparison.Ordinal))
            {
                Compilation compilation = CorpusFiles.Compile([(path, text.Remove(at, removal.Length))]);
                AnalyzerRunner.Result result = await AnalyzerRunner.RunAsync(compilation, CorpusFiles.DeploymentFiles);

                Assert.True(result.AnalyzerExceptions.IsEmpty, $"without '{removal}' at {at}: {string.Join(Environment.NewLine, result.AnalyzerExceptions)}");
                Assert.Empty(result.AnalyzerFailures);
                Assert.Empty(result.GeneratorFailures);
                cases++;
            }
        }

        Assert.True(cases >= 30, $"only {cases} broken variants");
    }

    [Fact]
    public async Task Analyzers_report_on_the_intact_corpus_without_throwing()
    {
        Compilation compilation = CorpusFiles.Compile(CorpusFiles.Sources);
        AnalyzerRunner.Result result = await AnalyzerRunner.RunAsync(compilation, CorpusFiles.DeploymentFiles, "build_property.PublishAot = true");

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Contains(result.Diagnostics, d => d.Id == "PG0004");
        Assert.Contains(result.Diagnostics, d => d.Id == "PG0005");
        Assert.Contains(result.Diagnostics, d => d.Id == "PG0101");
        Assert.Contains(result.Diagnostics, d => d.Id == "PG0103");
    }

    private static int IndexOf(string file) => CorpusFiles.Sources.ToList().FindIndex(s => s.Path == file);

    private static string[] Names(IReadOnlyList<int> files) => files.Select(i => CorpusFiles.Sources[i].Path).ToArray();

    private static string CutOut(string text, Random random)
    {
        int start = random.Next(text.Length);
        int length = Math.Min(text.Length - start, random.Next(1, 200));
        return text.Remove(start, length);
    }
}
