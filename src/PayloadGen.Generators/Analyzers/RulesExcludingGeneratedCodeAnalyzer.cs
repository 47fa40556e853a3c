using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The rules about code its authors wrote and can change — what a wrapper would ignore or fail on, deployment files,
/// and the size rules — which leave generated code alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RulesExcludingGeneratedCodeAnalyzer : RuleGroupAnalyzer
{
    public RulesExcludingGeneratedCodeAnalyzer()
        : base(
            GeneratedCodeAnalysisFlags.None,
            new ClaimCheckConstructorAnalyzer(),
            new ConfigurationMemberAnalyzer(),
            new PointerBehindHttpAnalyzer(),
            new AotJsonContextAnalyzer(),
            new DeploymentHandlerAnalyzer(),
            new RequestSizeAnalyzer(),
            new ResponseSizeAnalyzer(),
            new MessageSizeAnalyzer())
    {
    }
}
