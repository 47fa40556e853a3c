using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Deployment;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0004: a deployment file whose handler string names a [ClaimCheck] method instead of its generated
/// <c>{Method}ClaimCheck</c> wrapper deploys the function without the claim check.
/// </summary>
public sealed class DeploymentHandlerAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.DeployedHandlerBypassesClaimCheck);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownSymbols.For(start.Compilation);
            if (symbols.ClaimCheckAttribute is null)
            {
                return;
            }

            start.RegisterAdditionalFileAction(fileContext => AnalyzeFile(fileContext, symbols));
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, KnownSymbols symbols)
    {
        if (!DeploymentFiles.IsDeploymentFile(context.AdditionalFile.Path))
        {
            return;
        }

        foreach (DeployedFunction function in DeploymentFiles.Read(context.AdditionalFile, context.CancellationToken))
        {
            if (HandlerResolution.ResolveType(context.Compilation, function.Handler) is not { } type
                || HandlerResolution.FindMethod(type, function.Handler.Method) is not { } method
                || !symbols.IsClaimCheck(method))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rules.DeployedHandlerBypassesClaimCheck,
                function.Location,
                function.Handler.Text,
                function.Handler.WithMethod(GeneratedNames.Wrapper(method.Name))));
        }
    }
}
