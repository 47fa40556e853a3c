using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0010: reports every refusal of <see cref="SerializerShapeReader"/>, the reader the generator skips
/// <c>[ClaimCheckSerializer]</c> classes with, at the class name (or the <c>JsonContext</c> argument).
/// </summary>
public sealed class ClaimCheckSerializerAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ClaimCheckSerializerNotGenerated);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypeNames.ClaimCheckSerializerAttribute) is not { } attributeType)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, attributeType), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                continue;
            }

            SerializerShape shape = SerializerShapeReader.Read(context.Compilation, type, attribute, context.CancellationToken);
            foreach (SerializerRefusal refusal in shape.Refusals)
            {
                Location location = refusal.AtJsonContextArgument && JsonContextArgument(attribute, context) is { } argument
                    ? argument
                    : type.Locations[0];
                context.ReportDiagnostic(Diagnostic.Create(Rules.ClaimCheckSerializerNotGenerated, location, type.Name, SerializerRefusalRules.Explain(refusal)));
            }
        }
    }

    private static Location? JsonContextArgument(AttributeData attribute, SymbolAnalysisContext context)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (AttributeArgumentSyntax argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == ClaimCheckAttributeValues.JsonContextArgument)
                {
                    return argument.GetLocation();
                }
            }
        }

        return null;
    }
}
