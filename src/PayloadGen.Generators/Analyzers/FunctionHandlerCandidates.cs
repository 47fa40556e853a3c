using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// Which local functions and lambdas could be Lambda handlers (<see cref="HandlerCatalog.FindFunction"/>,
/// <see cref="HandlerCatalog.FindEndpoint"/>), decided from syntax alone, so the response rule binds only the methods
/// that contain one instead of every method with a <c>Where(x =&gt; …)</c>. It never answers no for a function the
/// catalog would accept, except through an alias of <c>ILambdaContext</c>: a handler takes an <c>ILambdaContext</c>
/// (declared on the parameter, or inferred for an implicitly typed lambda that is not an argument of a LINQ operator),
/// is a <c>MapGet</c>-style endpoint, or is one a <c>LambdaBootstrapBuilder.Create</c> call binds (read once per
/// compilation by <see cref="BootstrapBindings"/>, so no extra binding is needed to ask).
/// </summary>
internal sealed class FunctionHandlerCandidates
{
    private const string LambdaContextName = "ILambdaContext";

    private readonly bool _takesContext;
    private readonly bool _endpoints;
    private readonly BootstrapBindings _bootstraps;
    private readonly EndpointMethodGroups _endpointMethods;
    private readonly HashSet<string> _queryOperators;

    private FunctionHandlerCandidates(KnownSymbols symbols, BootstrapBindings bootstraps, EndpointMethodGroups endpointMethods)
    {
        _bootstraps = bootstraps;
        _endpointMethods = endpointMethods;
        // Also when the assembly names a claim-check serializer: a bootstrap call may bind a function to another serializer.
        _takesContext = symbols.LambdaContext is not null;
        _endpoints = symbols.HostsAspNetCoreOnLambda;

        // Their delegates take elements of a sequence, never an ILambdaContext; MemberNames reads no member.
        _queryOperators = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (string operators in new[] { "System.Linq.Enumerable", "System.Linq.Queryable", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions" })
        {
            if (symbols.Compilation.GetTypeByMetadataName(operators) is { } type)
            {
                _queryOperators.UnionWith(type.MemberNames);
            }
        }
    }

    /// <summary>The test for <paramref name="catalog"/>'s compilation, or null when no function of it can be a handler.</summary>
    public static FunctionHandlerCandidates? For(HandlerCatalog catalog)
    {
        var candidates = new FunctionHandlerCandidates(catalog.Symbols, catalog.Bootstraps, catalog.EndpointMethods);
        return candidates._takesContext || candidates._endpoints || catalog.Bootstraps.Any ? candidates : null;
    }

    /// <summary>The syntax kinds <see cref="MayBeHandler"/> answers for.</summary>
    public static SyntaxKind[] Kinds { get; } =
    [
        SyntaxKind.LocalFunctionStatement,
        SyntaxKind.SimpleLambdaExpression,
        SyntaxKind.ParenthesizedLambdaExpression,
        SyntaxKind.AnonymousMethodExpression,
    ];

    public bool MayBeHandler(SyntaxNode function) => _bootstraps.BindsFunction(function) || function switch
    {
        LocalFunctionStatementSyntax local => (_takesContext && DeclaresContext(local.ParameterList.Parameters)) || (_endpoints && _endpointMethods.MapsFunction(local)),
        SimpleLambdaExpressionSyntax lambda => (_endpoints && IsEndpoint(lambda)) || (_takesContext && MayTakeContext(lambda, [lambda.Parameter])),
        ParenthesizedLambdaExpressionSyntax lambda => (_endpoints && IsEndpoint(lambda)) || (_takesContext && MayTakeContext(lambda, lambda.ParameterList.Parameters)),
        // 'delegate { … }' without a parameter list converts to any delegate type, as an implicitly typed lambda does.
        AnonymousMethodExpressionSyntax method => (_endpoints && IsEndpoint(method))
            || (_takesContext && (method.ParameterList is null ? !IsQueryOperatorArgument(method) : DeclaresContext(method.ParameterList.Parameters))),
        _ => false,
    };

    private bool MayTakeContext(AnonymousFunctionExpressionSyntax lambda, IReadOnlyList<ParameterSyntax> parameters)
    {
        bool implicitlyTyped = false;
        foreach (ParameterSyntax parameter in parameters)
        {
            if (parameter.Type is null)
            {
                implicitlyTyped = true;
            }
            else if (Names(parameter.Type, LambdaContextName))
            {
                return true;
            }
        }

        // An implicitly typed parameter takes its type from the delegate the lambda converts to: anything but a query operator's.
        return implicitlyTyped && !IsQueryOperatorArgument(lambda);
    }

    private bool IsQueryOperatorArgument(AnonymousFunctionExpressionSyntax function) =>
        CalledOperator(function) is { } called && _queryOperators.Contains(called);

    private static bool DeclaresContext(IReadOnlyList<ParameterSyntax> parameters)
    {
        foreach (ParameterSyntax parameter in parameters)
        {
            if (parameter.Type is { } type && Names(type, LambdaContextName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEndpoint(AnonymousFunctionExpressionSyntax function) =>
        CalledOperator(function) is "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods";

    /// <summary>The name of the method <paramref name="function"/> is an argument of (through parentheses and casts), if any.</summary>
    private static string? CalledOperator(AnonymousFunctionExpressionSyntax function)
    {
        SyntaxNode? current = function.Parent;
        while (current is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            current = current.Parent;
        }

        if (current is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } })
        {
            return null;
        }

        return invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="name"/>, however qualified, nullable or not.</summary>
    private static bool Names(TypeSyntax type, string name) => type switch
    {
        NullableTypeSyntax nullable => Names(nullable.ElementType, name),
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == name,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == name,
        SimpleNameSyntax simple => simple.Identifier.ValueText == name,
        _ => false,
    };
}
