using System.Text;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Turns <see cref="Evidence"/> into the reason a size diagnostic shows, e.g.
/// <c>APIGatewayProxyResponse.Body ← GetProducts() → ProductService.List() → ProductRepository.GetAll() ←
/// GetRemainingAsync drains every page of the DynamoDB scan</c>: members are read right to left (the value ← where it
/// comes from), calls left to right (the handler → the method it calls). The handler is named once, before the first
/// call; every later hop continues from where the path is (a call right after another is called by it, a call after a
/// member fills that member), so a path never restarts at the handler. The only place evidence becomes text; nothing
/// decides on the text.
/// </summary>
internal static class EvidenceRenderer
{
    private const string From = " \u2190 ";
    private const string Calls = " \u2192 ";

    /// <summary>The reason text of <paramref name="evidence"/> found while tracing a value of <paramref name="origin"/> (a method name).</summary>
    public static string Render(Evidence evidence, string origin) => RenderFrom(evidence, origin);

    /// <param name="origin">The method the path starts in, or null for a path that continues one already shown (a loop's source).</param>
    private static string RenderFrom(Evidence evidence, string? origin)
    {
        var text = new StringBuilder();
        bool afterCall = false;
        bool named = origin is null;
        foreach (PathStep step in evidence.Path.Steps)
        {
            if (step.IsCall && afterCall)
            {
                text.Append(Calls);
            }
            else
            {
                Separate(text, From);
                if (step.IsCall && !named)
                {
                    text.Append(origin).Append("()").Append(Calls);
                }
            }

            named |= step.IsCall;
            text.Append(step.Text);
            afterCall = step.IsCall;
        }

        Separate(text, From);
        return text.Append(Describe(evidence)).ToString();
    }

    private static void Separate(StringBuilder text, string separator)
    {
        if (text.Length > 0)
        {
            text.Append(separator);
        }
    }

    /// <summary>What the evidence itself says, without its path.</summary>
    private static string Describe(Evidence evidence) => evidence.Kind switch
    {
        EvidenceKind.WholeFile => evidence.Detail + " reads a whole file",
        EvidenceKind.WholeStream => evidence.Detail + " reads a whole stream",
        EvidenceKind.StreamCopy => evidence.Detail + " copies a whole stream into '" + evidence.Subject + "'",
        EvidenceKind.DrainedPages => evidence.Detail + " drains every page of the DynamoDB " + evidence.Subject,
        EvidenceKind.PaginationLoop => "a pagination loop (" + evidence.Detail + ") adds every page to '" + evidence.Subject + "'",
        EvidenceKind.MaterializedQuery => evidence.Detail + "() materializes a query over '" + evidence.Subject + "' with no Take",
        EvidenceKind.SqlQuery => evidence.Detail + "() returns every row of '" + evidence.Subject + "' (no LIMIT, TOP or FETCH)",
        EvidenceKind.StreamedQuery => evidence.Detail + "() streams every row of a query over '" + evidence.Subject + "' with no Take",
        EvidenceKind.PaginatedResults => "the SDK paginator's " + evidence.Subject + " enumerates every page of " + evidence.Detail,
        EvidenceKind.EntitySet => "'" + evidence.Subject + "' is a whole DbSet, read with no Take",
        EvidenceKind.SerializedQuery => "a query over '" + evidence.Subject + "' with no Take is serialized whole",
        EvidenceKind.LoopFill => "a loop fills '" + evidence.Subject + "' item by item" + CauseOf(evidence),
        EvidenceKind.LineLoop => "a loop adds every line " + evidence.Detail + " reads, to the end of the stream, to '" + evidence.Subject + "'",
        EvidenceKind.ConstantText => "a constant string of " + evidence.Detail + " characters",
        EvidenceKind.RepeatedText => "a string of " + evidence.Detail + " characters",
        EvidenceKind.BoundingOperator => evidence.Detail,
        EvidenceKind.KeyLookup => "Where on the key " + evidence.Detail,
        EvidenceKind.SqlRowLimit => evidence.Detail + " in its SQL",
        EvidenceKind.SmallGroups => "GroupBy over " + evidence.Detail,
        EvidenceKind.FixedList => "a fixed list of " + evidence.Detail + " items",
        EvidenceKind.EventData => "part of the incoming " + evidence.Detail,
        EvidenceKind.ConstantRange => evidence.Detail + " of " + evidence.Subject + " items",
        EvidenceKind.OnePage => "one DynamoDB page (at most 1 MB)",
        EvidenceKind.OneItem => "one DynamoDB item (at most 400 KB)",
        EvidenceKind.ListingPage => "one S3 listing page (at most 1,000 keys)",
        EvidenceKind.LoopOverBound => "a loop over " + (evidence.Cause is { } cause ? RenderFrom(cause, origin: null) : evidence.Detail),
        EvidenceKind.ItemOfBound => "an item of " + (evidence.Cause is { } item ? RenderFrom(item, origin: null) : evidence.Detail),
        _ => evidence.Detail,
    };

    /// <summary>
    /// A loop's source, which sits in the method the loop is in: its path continues from there
    /// (<c>a loop fills 'csv' item by item (DynamoStockRepository.GetAllAsync() ← GetRemainingAsync drains …)</c>).
    /// </summary>
    private static string CauseOf(Evidence evidence) =>
        evidence.Cause is { } cause ? " (" + RenderFrom(cause, origin: null) + ")" : evidence.Detail.Length > 0 ? " (" + evidence.Detail + ")" : string.Empty;
}
