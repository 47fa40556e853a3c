using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>PG0003: Lambda creates an instance handler's type with its public parameterless constructor.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClaimCheckConstructorAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.HandlerTypeNeedsParameterlessConstructor);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = new KnownSymbols(start.Compilation);
            if (symbols.ClaimCheckAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, symbols), SymbolKind.Method);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.IsStatic
            || method.MethodKind != MethodKind.Ordinary
            || method.ContainingType is not { TypeKind: TypeKind.Class } type
            || method.Locations.Length == 0
            || !symbols.IsClaimCheck(method))
        {
            return;
        }

        string? problem = type.IsAbstract
            ? "it is abstract"
            : HasPublicParameterlessConstructor(type) ? null : "it has no public parameterless constructor";
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.HandlerTypeNeedsParameterlessConstructor, method.Locations[0], type.Name, method.Name, problem));
        }
    }

    private static bool HasPublicParameterlessConstructor(INamedTypeSymbol type)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 0 && constructor.DeclaredAccessibility == Accessibility.Public)
            {
                return true;
            }
        }

        return false;
    }
}
