using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Dapper (<c>Dapper.SqlMapper</c>'s extension methods on a connection): <c>Query(Async)</c> and
/// <c>QueryUnbufferedAsync</c> return every row their SQL selects, so a SELECT with no row limit is evidence; one with
/// <c>LIMIT</c>/<c>TOP</c>/<c>FETCH</c>, a primary-key lookup or a lone aggregate is bounded (<see cref="SqlText"/>);
/// <c>QueryFirst*</c>/<c>QuerySingle*</c> return one row. SQL the code does not show proves nothing: the rows' type
/// decides, as for any collection.
/// </summary>
internal sealed class DapperQueryRecognizer : IInvocationRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (!SizeSymbols.Is(method.ContainingType, trace.Symbols.DapperSqlMapper))
        {
            return false;
        }

        string name = method.Name;
        if (name.StartsWith("QueryFirst", System.StringComparison.Ordinal) || name.StartsWith("QuerySingle", System.StringComparison.Ordinal))
        {
            trace.Found(EvidenceKind.BoundingOperator, name + "()");
            return true;
        }

        if (name is not ("Query" or "QueryAsync" or "QueryUnbufferedAsync") || StatementOf(invocation) is not { } statement)
        {
            // Execute, ExecuteScalar, QueryMultiple: nothing this call returns is a row set to follow.
            return true;
        }

        if (SqlText.Of(statement, trace) is { } sql && SqlText.IsSelect(sql))
        {
            ITypeSymbol? rowType = method.TypeArguments.Length > 0 ? method.TypeArguments[method.TypeArguments.Length - 1] : null;
            if (SqlText.BoundOf(sql, rowType) is { } bound)
            {
                trace.Found(EvidenceKind.SqlRowLimit, bound);
            }
            else
            {
                trace.Found(EvidenceKind.SqlQuery, name, OperationText.Snippet(sql));
            }
        }

        return true;
    }

    /// <summary>The <c>sql</c> or <c>command</c> argument: the statement the call runs.</summary>
    private static IOperation? StatementOf(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: "sql" or "command" })
            {
                return argument.Value;
            }
        }

        return null;
    }
}
