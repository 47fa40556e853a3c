using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// Reports the refusals of <see cref="HandlerShapeReader"/> that <see cref="RefusalRules"/> assigns to one rule, at
/// the part of the declaration to change. Each rule's analyzer is a subclass, so each stays in its own file and can
/// be tested alone.
/// </summary>
public abstract class RefusalAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _rule;

    private protected RefusalAnalyzer(DiagnosticDescriptor rule)
    {
        _rule = rule;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = new KnownSymbols(start.Compilation);
            if (symbols.ClaimCheckAttribute is null)
            {
                return;
            }

            ClaimCheckMethods.Register(start, symbols, Report);
        });
    }

    private void Report(HandlerShape shape, AttributeData attribute, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        foreach (Refusal refusal in shape.Refusals)
        {
            if (RefusalRules.For(refusal.Reason) == _rule)
            {
                Location location = RefusalLocations.Of(refusal, shape.Method, attribute, cancellationToken);
                report(Diagnostic.Create(_rule, location, MethodDisplayName(shape.Method), RefusalRules.Explain(refusal)));
            }
        }
    }

    /// <summary>The method as its author knows it: <c>Run</c>, <c>IHandler.Run</c>, <c>Functions.Name.get</c>, <c>lambda</c>.</summary>
    private static string MethodDisplayName(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.ExplicitInterfaceImplementation => method.Name,
        MethodKind.AnonymousFunction => "lambda",
        _ => method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
    };
}
