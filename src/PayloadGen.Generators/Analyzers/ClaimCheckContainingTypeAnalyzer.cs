using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>PG0001: the generator adds the wrapper to the handler's type, so it and every enclosing type must be partial.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClaimCheckContainingTypeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.ContainingTypeMustBePartial);

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

            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (IsPartial(type, context.CancellationToken))
        {
            return;
        }

        IMethodSymbol? handler = FindClaimCheckMethod(type, symbols);
        if (handler is null)
        {
            return;
        }

        foreach (Location location in type.Locations)
        {
            if (location.IsInSource)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.ContainingTypeMustBePartial,
                    location,
                    type.Name,
                    handler.ContainingType.Name + "." + handler.Name));
            }
        }
    }

    /// <summary>A [ClaimCheck] method declared in <paramref name="type"/> or in any type nested in it.</summary>
    private static IMethodSymbol? FindClaimCheckMethod(INamedTypeSymbol type, KnownSymbols symbols)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary } method when symbols.IsClaimCheck(method):
                    return method;
                case INamedTypeSymbol nested when FindClaimCheckMethod(nested, symbols) is { } found:
                    return found;
            }
        }

        return null;
    }

    private static bool IsPartial(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }
}
