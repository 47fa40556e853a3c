using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Documentation;

/// <summary>Every rule has a page its help link points at, the page documents its options, and the rules table lists it.</summary>
public class RuleDocumentationTests
{
    // The package's RepositoryUrl (the SDK writes it into the runtime assembly) and the help links come from one MSBuild
    // property, PayloadGenRepositoryUrl: a link under any other root would point where the package does not.
    private static readonly string HelpLinkPrefix = typeof(global::PayloadGen.ClaimCheckRuntime).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "RepositoryUrl").Value!.TrimEnd('/') + "/blob/main/";

    private static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly string[] StandardCategories = ["Usage", "Reliability", "Performance"];
    private static readonly string[] Sections = ["## Why", "## Non-compliant", "## Compliant", "## Options", "## Suppress"];

    public static TheoryData<string> RuleIds => new(AllDescriptors().Select(d => d.Id));

    [Fact]
    public void Every_analyzer_reports_only_descriptors_from_Rules()
    {
        ImmutableHashSet<DiagnosticDescriptor> fromRules = typeof(Rules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToImmutableHashSet();
        foreach (DiagnosticAnalyzer analyzer in Analyzers())
        {
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.Contains(d, fromRules));
        }

        Assert.Equal(fromRules.Select(d => d.Id).Order(), Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_resolves_to_the_rule_page(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);

        Assert.Equal(RuleHelpLinks.For(id), descriptor.HelpLinkUri);
        Assert.StartsWith(HelpLinkPrefix, descriptor.HelpLinkUri, StringComparison.Ordinal);
        string relative = descriptor.HelpLinkUri.Substring(HelpLinkPrefix.Length);
        Assert.Equal($"docs/rules/{id}.md", relative);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, relative)), $"{relative} is missing");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_has_title_sections_and_every_option_the_rule_reads(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        string page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", id + ".md"));

        Assert.StartsWith($"# {id}: {descriptor.Title}", page, StringComparison.Ordinal);
        foreach (string section in Sections)
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }

        Assert.Contains($"| {id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", page, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page, StringComparison.Ordinal);
        foreach (string key in DocumentedOptions.ByRule.GetValueOrDefault(id, ImmutableArray<string>.Empty))
        {
            Assert.Contains("`" + key + "`", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Option_keys_read_by_the_code_are_the_documented_ones()
    {
        // Every payloadgen.* or build_property.* string constant in the analyzer assembly is a documented key.
        IEnumerable<string> constants = typeof(Rules).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith("payloadgen.", StringComparison.Ordinal) || v.StartsWith("build_property.", StringComparison.Ordinal));
        ImmutableHashSet<string> documented = DocumentedOptions.ByRule.Values.SelectMany(keys => keys).Concat(DocumentedOptions.GeneratorProperties).ToImmutableHashSet();

        Assert.NotEmpty(constants);
        Assert.All(constants, key => Assert.Contains(key, documented));
    }

    [Fact]
    public void The_readme_documents_every_build_property_the_generator_reads()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        string props = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "PayloadGen", "build", "PayloadGen.props"));
        foreach (string key in DocumentedOptions.GeneratorProperties)
        {
            string property = key["build_property.".Length..];
            Assert.Contains("<" + property + ">", readme, StringComparison.Ordinal);
            Assert.Contains("<CompilerVisibleProperty Include=\"" + property + "\" />", props, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rules_table_lists_every_rule_with_its_severity()
    {
        string table = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", "README.md"));
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title} |", table, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unshipped_release_file_lists_every_rule()
    {
        string unshipped = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "PayloadGen.Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            Assert.Matches(new Regex($@"^{descriptor.Id} \| {descriptor.Category} \| {descriptor.DefaultSeverity} \|", RegexOptions.Multiline), unshipped);
        }
    }

    [Fact]
    public void Titles_have_no_final_period_and_messages_say_what_to_do()
    {
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            string title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(title.EndsWith('.'), descriptor.Id);
            Assert.Contains(descriptor.Category, StandardCategories);
            string message = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // PG0002 and the size rules take the action as their last argument: it depends on the problem or the path (see their tests).
            Assert.Matches(@"(add|make|deploy|set|remove|return|store|bound|take|use|move|page|offload)|[;:] \{\d\}$", message.ToLowerInvariant());
        }
    }

    private static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        typeof(Rules).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        Analyzers().SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal);

    private static DiagnosticDescriptor Descriptor(string id) => AllDescriptors().Single(d => d.Id == id);

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PayloadGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PayloadGen.sln not found above " + AppContext.BaseDirectory);
    }
}
