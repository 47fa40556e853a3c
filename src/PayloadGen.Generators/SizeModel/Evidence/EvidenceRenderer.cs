using System.Text;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Turns <see cref="Evidence"/> into the reason a size diagnostic shows, e.g.
/// <c>APIGatewayProxyResponse.Body ← GetProducts() → ProductRepository.GetAll() ← GetRemainingAsync drains every page of
/// the DynamoDB scan</c>: members are read right to left (the value ← where it comes from), calls left to right (the
/// handler → the method it calls). The only place evidence becomes text; nothing decides on the text.
/// </summary>
internal static class EvidenceRenderer
{
    private const string From = " \u2190 ";
    private const string Calls = " \u2192 ";

    /// <summary>The reason text of <paramref name="evidence"/> found while tracing a value of <paramref name="origin"/> (a method name).</summary>
    public static string Render(Evidence evidence, string origin)
    {
        var text = new StringBuilder();
        bool inCall = false;
        foreach (PathStep step in evidence.Path.Steps)
        {
            if (step.IsCall)
            {
                if (!inCall)
                {
                    Separate(text, From);
                    text.Append(origin).Append("()");
                }

                text.Append(Calls).Append(step.Text);
                inCall = true;
            }
            else
            {
                Separate(text, From);
                text.Append(step.Text);
                inCall = false;
            }
        }

        Separate(text, From);
        return text.Append(Describe(evidence, origin)).ToString();
    }

    private static void Separate(StringBuilder text, string separator)
    {
        if (text.Length > 0)
        {
            text.Append(separator);
        }
    }

    /// <summary>What the evidence itself says, without its path.</summary>
    private static string Describe(Evidence evidence, string origin) => evidence.Kind switch
    {
        EvidenceKind.WholeFile => evidence.Detail + " reads a whole file",
        EvidenceKind.WholeStream => evidence.Detail + " reads a whole stream",
        EvidenceKind.StreamCopy => evidence.Detail + " copies a whole stream into '" + evidence.Subject + "'",
        EvidenceKind.DrainedPages => evidence.Detail + " drains every page of the DynamoDB " + evidence.Subject,
        EvidenceKind.PaginationLoop => "a pagination loop (" + evidence.Detail + ") adds every page to '" + evidence.Subject + "'",
        EvidenceKind.MaterializedQuery => evidence.Detail + "() materializes a query over '" + evidence.Subject + "' with no Take",
        EvidenceKind.SerializedQuery => "a query over '" + evidence.Subject + "' with no Take is serialized whole",
        EvidenceKind.LoopFill => "a loop fills '" + evidence.Subject + "' item by item" + CauseOf(evidence, origin),
        EvidenceKind.ConstantText => "a constant string of " + evidence.Detail + " characters",
        EvidenceKind.RepeatedText => "a string of " + evidence.Detail + " characters",
        EvidenceKind.BoundingOperator => evidence.Detail,
        EvidenceKind.KeyLookup => "Where on the key " + evidence.Detail,
        EvidenceKind.SmallGroups => "GroupBy over " + evidence.Detail,
        EvidenceKind.FixedList => "a fixed list of " + evidence.Detail + " items",
        EvidenceKind.EventData => "part of the incoming " + evidence.Detail,
        EvidenceKind.ConstantRange => evidence.Detail + " of " + evidence.Subject + " items",
        EvidenceKind.OnePage => "one DynamoDB page (at most 1 MB)",
        EvidenceKind.OneItem => "one DynamoDB item (at most 400 KB)",
        EvidenceKind.ListingPage => "one S3 listing page (at most 1,000 keys)",
        EvidenceKind.LoopOverBound => "a loop over " + (evidence.Cause is { } cause ? Render(cause, origin) : evidence.Detail),
        EvidenceKind.ItemOfBound => "an item of " + (evidence.Cause is { } item ? Render(item, origin) : evidence.Detail),
        _ => evidence.Detail,
    };

    private static string CauseOf(Evidence evidence, string origin) =>
        evidence.Cause is { } cause ? " (" + Render(cause, origin) + ")" : evidence.Detail.Length > 0 ? " (" + evidence.Detail + ")" : string.Empty;
}
