using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0001: the generator adds the wrapper to the handler's type, so it and every enclosing type must be partial. Reported
/// once per type, from the refusal of the reader the generator uses (<see cref="HandlerShapeReader"/>).
/// </summary>
public sealed class ClaimCheckContainingTypeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.ContainingTypeMustBePartial);

    public override void Initialize(AnalysisContext context)
    {
        // As for the other refusals: the generator reads handlers in files that look generated too.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KnownSymbols.For(start.Compilation);
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
        // Cheap first: only a type that is not partial can be the subject of this rule.
        if (ContainingTypesReader.IsPartial(type, context.CancellationToken))
        {
            return;
        }

        IMethodSymbol? handler = FindHandlerRefusedFor(context.Compilation, type, type, symbols, context.CancellationToken);
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

    /// <summary>
    /// A [ClaimCheck] method declared in <paramref name="scope"/> or a type nested in it that the generator's reader
    /// refuses because <paramref name="type"/> is not partial.
    /// </summary>
    private static IMethodSymbol? FindHandlerRefusedFor(Compilation compilation, INamedTypeSymbol scope, INamedTypeSymbol type, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        foreach (ISymbol member in scope.GetMembers())
        {
            switch (member)
            {
                case IMethodSymbol method when symbols.FindClaimCheck(method) is { } attribute
                    && IsRefusedFor(HandlerShapes.Of(compilation, method, attribute, cancellationToken), type):
                    return method;
                case INamedTypeSymbol nested when FindHandlerRefusedFor(compilation, nested, type, symbols, cancellationToken) is { } found:
                    return found;
            }
        }

        return null;
    }

    private static bool IsRefusedFor(HandlerShape shape, INamedTypeSymbol type)
    {
        foreach (Refusal refusal in shape.Refusals)
        {
            if (refusal.Reason == RefusalReason.ContainingTypeNotPartial && SymbolEqualityComparer.Default.Equals(EnclosingAt(shape.Method, refusal.SiteIndex), type))
            {
                return true;
            }
        }

        return false;
    }

    private static INamedTypeSymbol? EnclosingAt(IMethodSymbol method, int depth)
    {
        INamedTypeSymbol? type = method.ContainingType;
        for (int i = 0; i < depth && type is not null; i++)
        {
            type = type.ContainingType;
        }

        return type;
    }
}
