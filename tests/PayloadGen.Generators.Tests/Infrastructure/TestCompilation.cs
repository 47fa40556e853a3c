using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>Builds the in-memory compilations the generator runs on: user code against .NET 10 and PayloadGen.</summary>
internal static class TestCompilation
{
    /// <summary>The assembly name of every test compilation, the first part of its handler strings.</summary>
    public const string AssemblyName = "Demo.Functions";

    // Diagnose mode makes the compiler check the generated XML docs (crefs, params) as a user's build would.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() => CreateReferences(runtime: true));
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_frameworkOnly = new(() => CreateReferences(runtime: false));

    /// <summary>
    /// A compilation of <paramref name="sources"/>; with <paramref name="lambdaContext"/>, also the
    /// Amazon.Lambda.Core contract and a fake context; without <paramref name="runtime"/>, no PayloadGen reference;
    /// <paramref name="outputKind"/> a console application for executables (top-level statements).
    /// </summary>
    public static CSharpCompilation Create(IEnumerable<string> sources, bool lambdaContext = true, bool runtime = true, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        IEnumerable<string> all = lambdaContext ? sources.Append(LambdaCoreContract.Source) : sources;
        return CSharpCompilation.Create(
            AssemblyName,
            all.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source" + i + ".cs")),
            runtime ? s_references.Value : s_frameworkOnly.Value,
            new CSharpCompilationOptions(
                outputKind,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));
    }

    /// <inheritdoc cref="Create(IEnumerable{string}, bool, bool, OutputKind)"/>
    public static CSharpCompilation Create(string source, bool lambdaContext = true, bool runtime = true) => Create([source], lambdaContext, runtime);

    private static ImmutableArray<MetadataReference> CreateReferences(bool runtime)
    {
        var references = new List<MetadataReference>(Net100.References.All);
        if (!runtime)
        {
            return references.ToImmutableArray();
        }

        // The runtime library and the AWS SDK assemblies it exposes, exactly as this test process loaded them.
        foreach (Type type in new[] { typeof(ClaimCheckRuntime), typeof(Amazon.S3.IAmazonS3), typeof(Amazon.Runtime.AmazonServiceException) })
        {
            references.Add(MetadataReference.CreateFromFile(type.Assembly.Location));
        }

        return references.ToImmutableArray();
    }
}
