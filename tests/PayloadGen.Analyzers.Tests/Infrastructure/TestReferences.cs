using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace PayloadGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// What test compilations reference: .NET 10 reference assemblies (from Basic.Reference.Assemblies, because the
/// testing library's own reference-assembly packages are not served here), the PayloadGen runtime, the AWS
/// shapes compiled into a metadata reference, and Newtonsoft.Json.
/// </summary>
internal static class TestReferences
{
    /// <summary>No package to download: the references below are supplied directly.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static readonly ImmutableArray<MetadataReference> Framework =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    public static readonly MetadataReference PayloadGen =
        MetadataReference.CreateFromFile(typeof(global::PayloadGen.ClaimCheckAttribute).Assembly.Location);

    public static readonly MetadataReference Aws = CompileAwsShapes();

    /// <summary>The real Newtonsoft.Json package: many public handlers build their bodies with <c>JsonConvert</c>.</summary>
    public static readonly MetadataReference Newtonsoft =
        MetadataReference.CreateFromFile(typeof(global::Newtonsoft.Json.JsonConvert).Assembly.Location);

    public static ImmutableArray<MetadataReference> All { get; } = Framework.Add(PayloadGen).Add(Aws).Add(Newtonsoft);

    /// <summary>All references except the PayloadGen runtime, for "analyzers stay quiet without PayloadGen" tests.</summary>
    public static ImmutableArray<MetadataReference> WithoutPayloadGen { get; } = Framework.Add(Aws).Add(Newtonsoft);

    /// <summary>All references except the AWS shapes, for a project that does not reference Amazon.Lambda.Core.</summary>
    public static ImmutableArray<MetadataReference> WithoutAws { get; } = Framework.Add(PayloadGen).Add(Newtonsoft);

    private static PortableExecutableReference CompileAwsShapes()
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Amazon.Lambda.Shapes",
            new[] { CSharpSyntaxTree.ParseText(AwsShapes.Source) },
            Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("AWS shapes do not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
