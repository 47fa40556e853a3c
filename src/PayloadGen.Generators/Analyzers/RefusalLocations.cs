using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Analyzers;

/// <summary>Where in source a <see cref="Refusal"/> is reported: on the part of the declaration to change.</summary>
internal static class RefusalLocations
{
    /// <summary>The location of <paramref name="refusal"/> of <paramref name="method"/>, whose <c>[ClaimCheck]</c> is <paramref name="attribute"/>.</summary>
    public static Location Of(Refusal refusal, IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
    {
        Location? location = refusal.Site switch
        {
            RefusalSite.Parameter when refusal.SiteIndex < method.Parameters.Length => First(method.Parameters[refusal.SiteIndex].Locations),
            RefusalSite.ReturnType => ReturnType(method, cancellationToken),
            RefusalSite.AttributeArgument => Argument(attribute, refusal.Subject, cancellationToken),
            RefusalSite.ContainingType => ContainingType(method, refusal.SiteIndex),
            _ => null,
        };

        return location ?? MethodName(method) ?? AttributeLocation(attribute, cancellationToken) ?? Location.None;
    }

    /// <summary>The method's name; a lambda's location is the lambda itself.</summary>
    public static Location? MethodName(IMethodSymbol method) => First(method.Locations);

    private static Location? ReturnType(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            TypeSyntax? returnType = reference.GetSyntax(cancellationToken) switch
            {
                MethodDeclarationSyntax declaration => declaration.ReturnType,
                LocalFunctionStatementSyntax local => local.ReturnType,
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ReturnType,
                _ => null,
            };

            if (returnType is not null)
            {
                return returnType.GetLocation();
            }
        }

        return null;
    }

    private static Location? Argument(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } arguments })
        {
            return null;
        }

        foreach (AttributeArgumentSyntax argument in arguments.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument.Expression.GetLocation();
            }
        }

        return null;
    }

    private static Location? ContainingType(IMethodSymbol method, int depth)
    {
        INamedTypeSymbol? type = method.ContainingType;
        for (int i = 0; i < depth && type is not null; i++)
        {
            type = type.ContainingType;
        }

        return type is null ? null : First(type.Locations);
    }

    private static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static Location? First(System.Collections.Immutable.ImmutableArray<Location> locations)
    {
        foreach (Location location in locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }
}
