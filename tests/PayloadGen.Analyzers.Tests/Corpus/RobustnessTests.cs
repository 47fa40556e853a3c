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
/// truncations and cut-outs of realistic handler files and deployment files without an exception.
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
        var others = CorpusFiles.Sources.Where((_, i) => i != fileIndex).ToList();

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

    private static string CutOut(string text, Random random)
    {
        int start = random.Next(text.Length);
        int length = Math.Min(text.Length - start, random.Next(1, 200));
        return text.Remove(start, length);
    }
}
