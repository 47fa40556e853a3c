using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Loops that walk every page of a paginated AWS API: a loop that mentions a pagination token
/// (<c>LastEvaluatedKey</c>, <c>ContinuationToken</c>, <c>IsDone</c>…) and adds to a local accumulates every page.
/// The tokens are member names of the SDKs' response types, the same in every service. The SDK's paginators
/// (<c>client.Paginators.…</c>) are known by their type instead (<see cref="SdkPaginatorRecognizer"/>).
/// </summary>
internal static class PaginationLoops
{
    private static readonly HashSet<string> Tokens = new(StringComparer.Ordinal)
    {
        "LastEvaluatedKey", "ExclusiveStartKey", "NextToken", "ContinuationToken", "NextContinuationToken",
        "PaginationToken", "NextPageToken", "NextMarker", "IsDone",
    };

    /// <summary>The pagination member a loop around <paramref name="operation"/> mentions, if any.</summary>
    public static string? TokenAround(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is not ILoopOperation loop)
            {
                continue;
            }

            foreach (SyntaxNode node in loop.Syntax.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && Tokens.Contains(identifier.Identifier.ValueText))
                {
                    return identifier.Identifier.ValueText;
                }
            }
        }

        return null;
    }

    /// <summary>The innermost foreach loop around <paramref name="operation"/> within its own function.</summary>
    public static IForEachLoopOperation? EnclosingForEach(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop)
            {
                return loop;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }

        return null;
    }
}
