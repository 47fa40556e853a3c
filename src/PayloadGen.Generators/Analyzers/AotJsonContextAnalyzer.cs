using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0005: under Native AOT the wrapper needs a source-generated JsonSerializerContext. Reads the build
/// properties <c>PublishAot</c> and <c>IsAotCompatible</c>, which PayloadGen.props makes compiler-visible.
/// </summary>
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

            ClaimCheckMethods.Register(start, includeFunctions: false, (shape, attribute, report, cancellationToken) => AnalyzeMethod(shape, attribute, report, aotProperty, cancellationToken));
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

    private static void AnalyzeMethod(HandlerShape shape, AttributeData attribute, Action<Diagnostic> report, string aotProperty, CancellationToken cancellationToken)
    {
        // A JsonContext that is set but unusable is PG0007's to report.
        if (shape.Method.MethodKind != MethodKind.Ordinary || shape.Attribute.SetsJsonContext)
        {
            return;
        }

        Location location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
            ?? RefusalLocations.MethodName(shape.Method)
            ?? Location.None;
        report(Diagnostic.Create(Rules.JsonContextRequiredForAot, location, shape.Method.Name, aotProperty));
    }
}
