using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// LINQ and EF Core: walks an operator chain (<c>db.Orders.Where(…).OrderBy(…).ToListAsync()</c>) down to its origin.
/// A bounding operator on the way (<c>Take</c>, <c>First</c>, <c>Find</c>…), a key lookup or a small <c>GroupBy</c>
/// (<see cref="LinqBounds"/>) bounds the result; an <c>IQueryable</c> origin with none is a query materialized whole; any
/// other origin is followed (a list filled elsewhere, a drained search). <c>AsAsyncEnumerable()</c> of such a query streams
/// every row (the operators over <c>IAsyncEnumerable&lt;T&gt;</c>, <c>WithCancellation</c>, <c>ConfigureAwait</c>, are walked
/// like the others). <c>Enumerable.Range/Repeat</c> with a constant count is bounded.
/// </summary>
internal sealed class LinqQueryRecognizer : IInvocationRecognizer
{
    private static readonly HashSet<string> BoundingOperators = new(StringComparer.Ordinal)
    {
        "Take", "TakeLast", "First", "FirstOrDefault", "FirstAsync", "FirstOrDefaultAsync", "Single", "SingleOrDefault",
        "SingleAsync", "SingleOrDefaultAsync", "Last", "LastOrDefault", "LastAsync", "LastOrDefaultAsync", "ElementAt",
        "ElementAtOrDefault", "Find", "FindAsync",
    };

    public bool Recognize(IInvocationOperation invocation, ValueTrace trace)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (SizeSymbols.Is(method.ContainingType, trace.Symbols.Enumerable)
            && method.Name is "Range" or "Repeat"
            && invocation.Arguments.Length == 2
            && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int count })
        {
            // Enumerable.Range(1, 5).Select(...): the project templates' sample data.
            trace.Found(EvidenceKind.ConstantRange, "Enumerable." + method.Name, OperationText.Count(count));
            return true;
        }

        if (!IsSequenceOperator(invocation, out IOperation? source, trace.Symbols))
        {
            return false;
        }

        IInvocationOperation current = invocation;
        IOperation origin = OperationText.Unwrap(source!);
        bool streamed = false;
        while (true)
        {
            string operatorName = current.TargetMethod.Name;
            streamed |= operatorName == "AsAsyncEnumerable";
            if (BoundingOperators.Contains(operatorName))
            {
                trace.Found(EvidenceKind.BoundingOperator, operatorName + (operatorName == "Take" && current.Arguments.Length > 1 ? "(" + OperationText.Describe(current.Arguments[1].Value) + ")" : "()"));
                return true;
            }

            if (operatorName == "Where" && LinqBounds.KeyLookup(current, trace.Symbols) is { } key)
            {
                trace.Found(EvidenceKind.KeyLookup, key);
                return true;
            }

            if (operatorName == "GroupBy" && LinqBounds.SmallGroupKey(current) is { } groups)
            {
                trace.Found(EvidenceKind.SmallGroups, groups);
                return true;
            }

            if (origin is IInvocationOperation next && IsSequenceOperator(next, out IOperation? nextSource, trace.Symbols))
            {
                current = next;
                origin = OperationText.Unwrap(nextSource!);
                continue;
            }

            break;
        }

        if (origin.Type is { } originType && SizeSymbols.IsOrDerives(originType, trace.Symbols.QueryableOfT))
        {
            string name = method.Name;
            if (name.StartsWith("To", StringComparison.Ordinal))
            {
                trace.Found(EvidenceKind.MaterializedQuery, name, OperationText.Snippet(origin));
            }
            else if (streamed)
            {
                // await foreach (var row in db.Rows.AsAsyncEnumerable()): every row arrives, one at a time.
                trace.Found(EvidenceKind.StreamedQuery, "AsAsyncEnumerable", OperationText.Snippet(origin));
            }
            else
            {
                trace.Found(EvidenceKind.SerializedQuery, name, OperationText.Snippet(origin));
            }

            return true;
        }

        trace.Follow(origin);
        return true;
    }

    /// <summary>
    /// True for LINQ-style operators: extension methods over a sequence, synchronous or asynchronous
    /// (<c>AsAsyncEnumerable().WithCancellation(ct)</c>), whose source is returned in <paramref name="source"/>.
    /// </summary>
    private static bool IsSequenceOperator(IOperation operation, out IOperation? source, SizeSymbols symbols)
    {
        source = null;
        if (operation is not IInvocationOperation invocation)
        {
            return false;
        }

        IMethodSymbol method = invocation.TargetMethod;
        if (method.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            source = invocation.Arguments[0].Value;
        }
        else if (method.ReducedFrom is not null && invocation.Instance is not null)
        {
            source = invocation.Instance;
        }
        else if (invocation.Instance is { } configured && SizeSymbols.Is(method.ContainingType?.OriginalDefinition, symbols.ConfiguredAsyncEnumerableOfT))
        {
            // rows.WithCancellation(ct).ConfigureAwait(false): the struct's own methods configure the same rows.
            source = configured;
            return true;
        }

        return source?.Type is { } type && IsSequence(type, symbols.AsyncEnumerableOfT);
    }

    private static bool IsSequence(ITypeSymbol type, INamedTypeSymbol? asyncEnumerable)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (IsSequenceInterface(type, asyncEnumerable))
        {
            return true;
        }

        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (IsSequenceInterface(candidate, asyncEnumerable))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSequenceInterface(ITypeSymbol type, INamedTypeSymbol? asyncEnumerable) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
        || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, asyncEnumerable);
}
