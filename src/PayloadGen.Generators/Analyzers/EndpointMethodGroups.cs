using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The methods a minimal API maps as method groups (<c>app.MapGet("/todos", TodoService.GetAllTodos)</c>) in a project
/// that runs ASP.NET Core on Lambda: each is an API Gateway handler, like a lambda passed to the same call. The calls
/// sit in <c>Program.cs</c> or a <c>Map…Api(this WebApplication app)</c> extension while the methods may be in any
/// type, so they are read from every tree once per compilation, and only when the project hosts ASP.NET Core on Lambda.
/// Local functions mapped by name (in a top-level program) are endpoints too.
/// </summary>
internal sealed class EndpointMethodGroups
{
    private static readonly EndpointMethodGroups None = new();

    private readonly HashSet<IMethodSymbol> _mapped = new(SymbolEqualityComparer.Default);

    // Local functions by their declaration's location: their symbols from another semantic model need not be equal.
    private readonly HashSet<(SyntaxTree Tree, TextSpan Span)> _mappedFunctions = new();

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

    /// <summary>
    /// Whether a local function is mapped as an endpoint by name (<c>app.MapGet("/todos", GetAll);</c> with <c>GetAll</c>
    /// declared in the top-level program): asked with its declaration, by the syntax pre-filter and by the catalog.
    /// </summary>
    public bool MapsFunction(SyntaxNode declaration) => _mappedFunctions.Count > 0 && _mappedFunctions.Contains((declaration.SyntaxTree, declaration.Span));

    private void Add(IInvocationOperation call)
    {
        foreach (IArgumentOperation argument in call.Arguments)
        {
            IOperation value = argument.Value;
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            // A method of a type is found when its type is analyzed; a local function by its own syntax, which asks here.
            if (value is IMethodReferenceOperation { Method: { MethodKind: MethodKind.Ordinary } method })
            {
                _mapped.Add(method.OriginalDefinition);
            }
            else if (value is IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction, DeclaringSyntaxReferences: [SyntaxReference local, ..] } })
            {
                _mappedFunctions.Add((local.SyntaxTree, local.Span));
            }
        }
    }

    // Map calls live in Program.cs or an extension method while the mapped methods may be anywhere: the analyzers see
    // one symbol or block at a time, so the calls are read from every tree once per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
    private static SemanticModel SemanticModelOf(Compilation compilation, SyntaxTree tree) => compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
}
