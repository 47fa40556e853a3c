using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// DynamoDB: <c>GetRemaining(Async)</c> drains every page of a search (<c>ScanAsync&lt;T&gt;(conditions[, config])</c>,
/// <c>QueryAsync&lt;T&gt;</c>, <c>FromScanAsync</c>/<c>FromQueryAsync</c>, a document-model <c>Table.Scan</c>) — whatever
/// page size the operation config sets, since the size only limits each page; one <c>Scan</c>/<c>Query</c>/
/// <c>GetNextSet</c> call is one page (at most 1 MB); <c>GetItem</c>/<c>Load</c> is one item (at most 400 KB).
/// Pagination loops on <c>LastEvaluatedKey</c> are found by <see cref="PaginationLoops"/>.
/// </summary>
internal sealed class DynamoDbPagingRecognizer : IInvocationRecognizer, IMethodGroupRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace) => Recognize(invocation.TargetMethod, SearchKind(invocation), trace);

    /// <summary><c>Func&lt;Task&lt;List&lt;T&gt;&gt;&gt; all = search.GetRemainingAsync;</c>: the same calls, the search's kind unknown.</summary>
    public bool RecognizeGroup(IMethodSymbol method, ValueTrace trace) => Recognize(method, "search", trace);

    private static bool Recognize(IMethodSymbol method, string searchKind, ValueTrace trace)
    {
        SizeSymbols symbols = trace.Symbols;
        INamedTypeSymbol? type = method.ContainingType;
        if (!(SizeSymbols.IsOrDerives(type, symbols.DynamoDbClient)
            || SizeSymbols.IsOrDerives(type, symbols.DynamoDbContext)
            || SizeSymbols.IsOrDerives(type, symbols.DynamoDbAsyncSearchOfT)
            || SizeSymbols.IsOrDerives(type, symbols.DynamoDbDocumentSearch)
            || SizeSymbols.IsOrDerives(type, symbols.DynamoDbTable)))
        {
            return false;
        }

        switch (method.Name)
        {
            case "GetRemainingAsync" or "GetRemaining":
                trace.Found(EvidenceKind.DrainedPages, method.Name, searchKind);
                break;
            case "ScanAsync" or "QueryAsync" or "Scan" or "Query" or "FromScanAsync" or "FromQueryAsync" or "FromScan" or "FromQuery" or "GetNextSetAsync" or "GetNextSet":
                trace.Found(EvidenceKind.OnePage, method.Name);
                break;
            case "GetItemAsync" or "GetItem" or "LoadAsync" or "Load":
                trace.Found(EvidenceKind.OneItem, method.Name);
                break;
        }

        return true;
    }

    /// <summary>"scan" or "query" when the search is created in the same expression, else "search".</summary>
    private static string SearchKind(IInvocationOperation invocation)
    {
        for (IOperation? current = invocation.Instance; current is not null;)
        {
            if (current is IInvocationOperation inner)
            {
                string name = inner.TargetMethod.Name;
                return name.StartsWith("Query", System.StringComparison.Ordinal) || name.StartsWith("FromQuery", System.StringComparison.Ordinal) ? "query" : "scan";
            }

            current = current is IConversionOperation conversion ? conversion.Operand : null;
        }

        return "search";
    }
}
