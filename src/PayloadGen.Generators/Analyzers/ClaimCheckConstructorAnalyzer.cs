using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0003: Lambda creates an instance handler's type with its public parameterless constructor, so a type without
/// one, an abstract class or an interface fails at the first invocation although its wrapper compiles.
/// </summary>
public sealed class ClaimCheckConstructorAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.HandlerTypeNeedsParameterlessConstructor);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start => ClaimCheckMethods.Register(start, includeFunctions: false, static (shape, _, report, _) => AnalyzeMethod(shape, report)));
    }

    private static void AnalyzeMethod(HandlerShape shape, Action<Diagnostic> report)
    {
        IMethodSymbol method = shape.Method;
        if (method.IsStatic
            || method.MethodKind != MethodKind.Ordinary
            || method.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Interface } type
            || RefusalLocations.MethodName(method) is not { } location)
        {
            return;
        }

        string? problem = type.TypeKind == TypeKind.Interface
            ? "it is an interface"
            : type.IsAbstract
                ? "it is abstract"
                : HasPublicParameterlessConstructor(type) ? null : "it has no public parameterless constructor";
        if (problem is not null)
        {
            report(Diagnostic.Create(Rules.HandlerTypeNeedsParameterlessConstructor, location, type.Name, method.Name, problem));
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
