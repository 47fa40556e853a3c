using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0008: a <c>ClaimCheckRuntime</c> or <c>ClaimCheckJsonOptions</c> member the wrapper cannot use, so it falls back
/// to its default without a word. Reported at the handler, from the generator's own reading of the members
/// (<see cref="ConfigurationMembers"/>).
/// </summary>
public sealed class ConfigurationMemberAnalyzer : DiagnosticAnalyzer
{
    private const string RuntimeFallback = "ClaimCheckRuntime.Default";
    private const string JsonOptionsFallback = "options matching Lambda's default serializer";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.ConfigurationMemberIgnored);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start => ClaimCheckMethods.Register(start, includeFunctions: false, static (shape, _, report, _) => AnalyzeMethod(shape, report)));
    }

    private static void AnalyzeMethod(HandlerShape shape, Action<Diagnostic> report)
    {
        // A handler without a wrapper has its own diagnostic; what its wrapper would ignore can wait.
        if (!shape.CanWrap || RefusalLocations.MethodName(shape.Method) is not { } location)
        {
            return;
        }

        Report(shape, shape.Runtime, KnownTypeNames.ClaimCheckRuntime, RuntimeFallback, location, report);
        Report(shape, shape.JsonOptions, KnownTypeNames.JsonSerializerOptions, JsonOptionsFallback, location, report);
    }

    private static void Report(HandlerShape shape, ConfigurationMember member, string expectedType, string fallback, Location location, Action<Diagnostic> report)
    {
        if (member.Member is not { } symbol || member.Problem == ConfigurationProblem.None)
        {
            return;
        }

        string wanted = expectedType.Substring(expectedType.LastIndexOf('.') + 1);
        string why = member.Problem switch
        {
            ConfigurationProblem.NotReadable => $"it is not a field or a property with a getter, so the wrapper uses {fallback}; declare it as a field or property of type {wanted}",
            ConfigurationProblem.Inaccessible => $"the wrapper in '{shape.Method.ContainingType.Name}' cannot read it, so it uses {fallback}; make it (and its getter) protected or public",
            ConfigurationProblem.WrongType => $"it is a '{TypeOf(symbol)}', not a {wanted}, so the wrapper uses {fallback}; declare it as {wanted}",
            _ when expectedType == KnownTypeNames.ClaimCheckRuntime =>
                $"it is an instance member and '{shape.Method.Name}' is static, so the wrapper uses {fallback}; make the member static or the handler an instance method",
            _ => $"it is an instance member, and the wrapper reads the JSON options once per type, so it uses {fallback}; make it static",
        };

        report(Diagnostic.Create(Rules.ConfigurationMemberIgnored, location, shape.Method.Name, symbol.ContainingType.Name + "." + symbol.Name, why));
    }

    private static string TypeOf(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
        IPropertySymbol property => property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
        _ => member.Kind.ToString(),
    };
}
