using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The rules that read code the way the generator does, generated-looking files included (<c>*.g.cs</c>,
/// <c>&lt;auto-generated&gt;</c> headers): every refusal of a <c>[ClaimCheck]</c> method or <c>[ClaimCheckSerializer]</c>
/// class, because the generator skips it there as anywhere else.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RulesIncludingGeneratedCodeAnalyzer : RuleGroupAnalyzer
{
    public RulesIncludingGeneratedCodeAnalyzer()
        : base(
            GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics,
            new ClaimCheckSignatureAnalyzer(),
            new ClaimCheckArgumentAnalyzer(),
            new GeneratedNameCollisionAnalyzer(),
            new ClaimCheckContainingTypeAnalyzer(),
            new ClaimCheckSerializerAnalyzer())
    {
    }
}
