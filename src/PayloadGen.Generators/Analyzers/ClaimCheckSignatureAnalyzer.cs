using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>PG0002: signatures Lambda (and so the generated wrapper) cannot bind.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClaimCheckSignatureAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.UnsupportedHandlerSignature);

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
        if (method.MethodKind != MethodKind.Ordinary || !symbols.IsClaimCheck(method) || method.Locations.Length == 0)
        {
            return;
        }

        Location name = method.Locations[0];
        if (method.IsAsync && method.ReturnsVoid)
        {
            Report(context, name, method, "it is async void, so Lambda cannot await it; return Task instead");
        }

        if (method.IsGenericMethod)
        {
            Report(context, name, method, "it is generic and Lambda cannot supply type arguments; use concrete types");
        }

        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.TypeParameters.Length > 0)
            {
                Report(context, name, method, $"its containing type '{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' is generic and Lambda cannot supply type arguments; move the handler to a non-generic type");
                break;
            }
        }

        IParameterSymbol? payload = null;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            Location where = parameter.Locations.Length > 0 ? parameter.Locations[0] : name;
            if (parameter.RefKind != RefKind.None)
            {
                Report(context, where, method, $"parameter '{parameter.Name}' is passed by {RefKindText(parameter.RefKind)} and Lambda passes the payload by value; remove the modifier");
            }

            if (symbols.IsNonPayloadParameter(parameter.Type))
            {
                continue;
            }

            if (payload is null)
            {
                payload = parameter;
            }
            else
            {
                Report(context, where, method, $"it takes more than one payload parameter ('{payload.Name}' and '{parameter.Name}') and Lambda passes one payload; take a single request type that holds both");
            }
        }
    }

    private static string RefKindText(RefKind kind) => kind switch
    {
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        _ => "ref",
    };

    private static void Report(SymbolAnalysisContext context, Location location, IMethodSymbol method, string reason) =>
        context.ReportDiagnostic(Diagnostic.Create(Rules.UnsupportedHandlerSignature, location, method.Name, reason));
}
