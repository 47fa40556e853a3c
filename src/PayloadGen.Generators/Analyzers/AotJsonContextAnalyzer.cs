using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0005: under Native AOT the wrapper needs a source-generated JsonSerializerContext. Reads the build
/// properties <c>PublishAot</c> and <c>IsAotCompatible</c>, which PayloadGen.props makes compiler-visible.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AotJsonContextAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.JsonContextRequiredForAot);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            string? aotProperty = AotProperty(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            if (aotProperty is null)
            {
                return;
            }

            var symbols = new KnownSymbols(start.Compilation);
            if (symbols.ClaimCheckAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, symbols, aotProperty), SymbolKind.Method);
        });
    }

    private static string? AotProperty(AnalyzerConfigOptions globalOptions)
    {
        if (IsTrue(globalOptions, DocumentedOptions.PublishAotProperty))
        {
            return "PublishAot";
        }

        return IsTrue(globalOptions, DocumentedOptions.IsAotCompatibleProperty) ? "IsAotCompatible" : null;
    }

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownSymbols symbols, string aotProperty)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.MethodKind != MethodKind.Ordinary || symbols.FindClaimCheck(method) is not { } attribute)
        {
            return;
        }

        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == "JsonContext" && argument.Value.Value is not null)
            {
                return;
            }
        }

        Location location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
            ?? (method.Locations.Length > 0 ? method.Locations[0] : Location.None);
        context.ReportDiagnostic(Diagnostic.Create(Rules.JsonContextRequiredForAot, location, method.Name, aotProperty));
    }
}
