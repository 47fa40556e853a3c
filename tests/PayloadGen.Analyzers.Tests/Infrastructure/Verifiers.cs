using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PayloadGen.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test compiled against .NET 10, PayloadGen and the AWS shapes, with warnings as in a real build.</summary>
public sealed class PayloadGenAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public PayloadGenAnalyzerTest(bool referencePayloadGen = true)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(referencePayloadGen ? TestReferences.All : TestReferences.WithoutPayloadGen);
        // Compiler diagnostics are checked too: test sources must compile cleanly (apart from expected ones).
        CompilerDiagnostics = CompilerDiagnostics.Errors;
    }

    /// <summary>The C# version the test code is parsed with; the latest released one unless a test needs a preview feature.</summary>
    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Latest;

    /// <summary>Sets <c>.editorconfig</c> lines for every source file.</summary>
    public PayloadGenAnalyzerTest<TAnalyzer> WithEditorConfig(string lines)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + lines));
        return this;
    }

    /// <summary>Sets global build properties, as MSBuild's CompilerVisibleProperty items would.</summary>
    public PayloadGenAnalyzerTest<TAnalyzer> WithBuildProperties(params string[] lines)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", lines)));
        return this;
    }

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
}

/// <summary>A code fix test with the same references as <see cref="AnalyzerTest{TAnalyzer}"/>.</summary>
public sealed class PayloadGenCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public PayloadGenCodeFixTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        CompilerDiagnostics = CompilerDiagnostics.Errors;
    }

    /// <summary>
    /// Runs PayloadGen's generator before and after the fix, as the IDE does, so that code which only compiles with
    /// the generated members (a <c>[ClaimCheckSerializer]</c> class passed as an <c>ILambdaSerializer</c>) is checked
    /// for compiler errors too; the generated files themselves are the generator tests' business.
    /// </summary>
    public bool RunsGenerator
    {
        get => _runsGenerator;
        init
        {
            _runsGenerator = value;
            TestBehaviors |= value ? TestBehaviors.SkipGeneratedSourcesCheck : TestBehaviors.None;
        }
    }

    private readonly bool _runsGenerator;

    protected override IEnumerable<System.Type> GetSourceGenerators() =>
        _runsGenerator ? [typeof(PayloadGen.Generators.ClaimCheckGenerator)] : base.GetSourceGenerators();

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
}

