using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The methods a minimal API maps as method groups (<c>app.MapGet("/todos", TodoService.GetAllTodos)</c>) in a project
/// that runs ASP.NET Core on Lambda: each is an API Gateway handler, like a lambda passed to the same call. The calls
/// sit in <c>Program.cs</c> or a <c>Map…Api(this WebApplication app)</c> extension while the methods may be in any
/// type, so they are read from every tree once per compilation, and only when the project hosts ASP.NET Core on Lambda.
/// </summary>
internal sealed class EndpointMethodGroups
{
    private static readonly EndpointMethodGroups None = new();

    private readonly HashSet<IMethodSymbol> _mapped = new(SymbolEqualityComparer.Default);

    private EndpointMethodGroups()
    {
    }

    /// <summary>Whether <paramref name="symbols"/>' compilation hosts ASP.NET Core on Lambda, where mapped methods are handlers.</summary>
    public static bool CanMapIn(KnownSymbols symbols) => symbols.HostsAspNetCoreOnLambda && symbols.EndpointRouteBuilderExtensions is not null;

    /// <summary>The method groups mapped as endpoints in <paramref name="symbols"/>' compilation by those of <paramref name="maps"/> that call ASP.NET Core.</summary>
    /// <param name="maps">The compilation's <c>Map…</c> calls that pass a method group (<see cref="CatalogCallSites"/>).</param>
    public static EndpointMethodGroups Read(KnownSymbols symbols, IReadOnlyList<InvocationExpressionSyntax> maps, CancellationToken cancellationToken)
    {
        if (!CanMapIn(symbols) || maps.Count == 0)
        {
            return None;
        }

        var groups = new EndpointMethodGroups();
        Compilation compilation = symbols.Compilation;
        SemanticModel? model = null;
        foreach (InvocationExpressionSyntax invocation in maps)
        {
            if (model?.SyntaxTree != invocation.SyntaxTree)
            {
                model = SemanticModelOf(compilation, invocation.SyntaxTree);
            }

            if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation call
                && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.EndpointRouteBuilderExtensions))
            {
                groups.Add(call);
            }
        }

        return groups;
    }

    /// <summary>Whether <paramref name="method"/> is mapped as an endpoint by a method group.</summary>
    public bool Maps(IMethodSymbol method) => _mapped.Count > 0 && _mapped.Contains(method.OriginalDefinition);

    private void Add(IInvocationOperation call)
    {
        foreach (IArgumentOperation argument in call.Arguments)
        {
            IOperation value = argument.Value;
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            // Local functions are found by their own syntax; a method of a type is found when its type is analyzed.
            if (value is IMethodReferenceOperation { Method: { MethodKind: MethodKind.Ordinary } method })
            {
                _mapped.Add(method.OriginalDefinition);
            }
        }
    }

    // Map calls live in Program.cs or an extension method while the mapped methods may be anywhere: the analyzers see
    // one symbol or block at a time, so the calls are read from every tree once per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
    private static SemanticModel SemanticModelOf(Compilation compilation, SyntaxTree tree) => compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
}
