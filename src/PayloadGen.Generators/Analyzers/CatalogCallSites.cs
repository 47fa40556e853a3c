using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The calls the <see cref="HandlerCatalog"/> binds to learn which functions are handlers, found by their syntax in one
/// walk of every tree: <c>LambdaBootstrapBuilder.Create(handler, serializer)</c> (<see cref="BootstrapBindings"/>) and a
/// minimal API's <c>app.MapGet(pattern, Method)</c> (<see cref="EndpointMethodGroups"/>). Such a call binds a handler
/// declared anywhere, so the calls are read once per compilation before any handler is judged; each reader asked for
/// here binds only its candidates. One walk for both: walking every node of a project is most of what reading them costs.
/// </summary>
internal sealed class CatalogCallSites
{
    private CatalogCallSites(List<InvocationExpressionSyntax> bootstrapCreates, List<InvocationExpressionSyntax> endpointMaps)
    {
        BootstrapCreates = bootstrapCreates;
        EndpointMaps = endpointMaps;
    }

    /// <summary>Calls of a method named <c>Create</c>, in tree order.</summary>
    public IReadOnlyList<InvocationExpressionSyntax> BootstrapCreates { get; }

    /// <summary><c>x.MapGet(…)</c>-style calls with an argument that names a method rather than writing a lambda, in tree order.</summary>
    public IReadOnlyList<InvocationExpressionSyntax> EndpointMaps { get; }

    /// <summary>The candidate calls of <paramref name="compilation"/>, looking only for the kinds asked for (none: no walk).</summary>
    public static CatalogCallSites Find(Compilation compilation, bool bootstrapCreates, bool endpointMaps, CancellationToken cancellationToken)
    {
        var creates = new List<InvocationExpressionSyntax>();
        var maps = new List<InvocationExpressionSyntax>();
        if (!bootstrapCreates && !endpointMaps)
        {
            return new CatalogCallSites(creates, maps);
        }

        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation)
                {
                    continue;
                }

                if (bootstrapCreates && InvokedName(invocation.Expression) == "Create")
                {
                    creates.Add(invocation);
                }
                else if (endpointMaps && invocation.Expression is MemberAccessExpressionSyntax access && IsMapName(access.Name.Identifier.ValueText) && PassesMethodName(invocation.ArgumentList))
                {
                    maps.Add(invocation);
                }
            }
        }

        return new CatalogCallSites(creates, maps);
    }

    private static string? InvokedName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    private static bool IsMapName(string name) => name is "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods";

    private static bool PassesMethodName(ArgumentListSyntax arguments)
    {
        foreach (ArgumentSyntax argument in arguments.Arguments)
        {
            if (argument.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
