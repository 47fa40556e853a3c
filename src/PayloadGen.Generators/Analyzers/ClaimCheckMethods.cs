using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// Finds every method carrying <c>[ClaimCheck]</c> — ordinary methods, accessors, operators and explicit
/// implementations through symbol actions, local functions and lambdas (which have no symbol action) through their
/// syntax — and gives each one's <see cref="HandlerShape"/> from the reader the generator uses, read once per compilation.
/// </summary>
internal static class ClaimCheckMethods
{
    /// <summary>
    /// Calls <paramref name="analyze"/> with the shape of each <c>[ClaimCheck]</c> method and a way to report on it; on a
    /// compilation that does not reference PayloadGen's attribute, registers nothing.
    /// </summary>
    /// <param name="includeFunctions">
    /// Whether local functions and lambdas are analyzed too. Only the refusal rules have something to say about them
    /// (they cannot be wrapped); finding them costs a syntax action over every method body, which a rule about
    /// wrappers should not pay.
    /// </param>
    public static void Register(CompilationStartAnalysisContext start, bool includeFunctions, Action<HandlerShape, AttributeData, Action<Diagnostic>, CancellationToken> analyze)
    {
        var symbols = KnownSymbols.For(start.Compilation);
        if (symbols.ClaimCheckAttribute is null)
        {
            return;
        }

        start.RegisterSymbolAction(
            context =>
            {
                var method = (IMethodSymbol)context.Symbol;
                if (symbols.FindClaimCheck(method) is { } attribute)
                {
                    analyze(HandlerShapes.Of(context.Compilation, method, attribute, context.CancellationToken), attribute, context.ReportDiagnostic, context.CancellationToken);
                }
            },
            SymbolKind.Method);

        if (!includeFunctions)
        {
            return;
        }

        start.RegisterSyntaxNodeAction(
            context =>
            {
                if (!HasAttributes(context.Node) || FunctionSymbol(context) is not { } function || symbols.FindClaimCheck(function) is not { } attribute)
                {
                    return;
                }

                analyze(HandlerShapes.Of(context.SemanticModel.Compilation, function, attribute, context.CancellationToken), attribute, context.ReportDiagnostic, context.CancellationToken);
            },
            SyntaxKind.LocalFunctionStatement,
            SyntaxKind.ParenthesizedLambdaExpression,
            SyntaxKind.SimpleLambdaExpression);
    }

    private static bool HasAttributes(SyntaxNode node) => node switch
    {
        LocalFunctionStatementSyntax local => local.AttributeLists.Count > 0,
        LambdaExpressionSyntax lambda => lambda.AttributeLists.Count > 0,
        _ => false,
    };

    private static IMethodSymbol? FunctionSymbol(SyntaxNodeAnalysisContext context) => context.Node is LocalFunctionStatementSyntax
        ? context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) as IMethodSymbol
        : context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol as IMethodSymbol;
}
