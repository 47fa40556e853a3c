using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.SizeModel;

namespace PayloadGen.Analyzers.Tests.SizeModel;

/// <summary>
/// Traces the values a method named <c>Probe</c> returns with the size engine, as the response analyzer does, and
/// hands back the structured findings: recognizer and summary tests assert evidence kinds and details, not wording.
/// </summary>
internal static class FlowProbe
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Data.Common;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.DynamoDBv2.DocumentModel;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Dapper;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        public class Row { public int Id { get; set; } public int OwnerId { get; set; } public string Name { get; set; } = ""; }
        public class ShopDb : DbContext { public DbSet<Row> Rows { get; set; } = null!; }

        """;

    /// <summary>The findings for the returned values of <c>Probe</c> in <paramref name="source"/> (after <see cref="Usings"/>).</summary>
    public static FlowFindings Trace(string source) => Trace(Compile(source));

    public static FlowFindings Trace(Compilation compilation)
    {
        SyntaxTree tree = compilation.SyntaxTrees.First();
        MethodDeclarationSyntax probe = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Probe");
        IOperation body = compilation.GetSemanticModel(tree).GetOperation(probe) ?? throw new InvalidOperationException("Probe has no body");
        var flow = new PayloadFlowAnalysis(body, SizeEngine.For(compilation));
        var findings = new FlowFindings();
        foreach (IOperation value in PayloadFlowAnalysis.ReturnedValues(body))
        {
            flow.Trace(value, findings);
        }

        return findings;
    }

    public static CSharpCompilation Compile(string source, IEnumerable<MetadataReference>? extraReferences = null)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Probe",
            [CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.All.AddRange(extraReferences ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The probe does not compile: " + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }

        return compilation;
    }

    /// <summary>How the response analyzer would word the first unbounded evidence of a handler named <c>Probe</c>.</summary>
    public static string Reason(FlowFindings findings) => EvidenceRenderer.Render(Xunit.Assert.Single(findings.Unbounded), "Probe");
}
