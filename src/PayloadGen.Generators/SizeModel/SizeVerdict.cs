using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>The levels of DESIGN §6: likely (evidence, or provably over) warns; possible (type only) informs; bounded is silent.</summary>
internal enum SizeLevel
{
    Silent,
    Possible,
    Likely,
}

/// <summary>A level and the reason chain the message shows.</summary>
internal readonly struct SizeVerdict
{
    private SizeVerdict(SizeLevel level, string reason)
    {
        Level = level;
        Reason = reason;
    }

    public SizeLevel Level { get; }

    public string Reason { get; }

    public static SizeVerdict Silent => default;

    /// <summary>
    /// Judges a payload against <paramref name="limit"/>: evidence from the code first, then constants, then what the
    /// types alone say (<paramref name="declaredType"/>, or the types serialized into the value when null). A type whose
    /// minimum is over the limit (a <c>[MinLength]</c> on a list of elements of known size) proves it.
    /// <paramref name="origin"/> names the method the value was traced from, for paths through the methods it calls.
    /// </summary>
    public static SizeVerdict Judge(ITypeSymbol? declaredType, FlowFindings? findings, JsonSizeModel model, long limit, string origin)
    {
        if (findings is { Unbounded.Count: > 0 })
        {
            return new SizeVerdict(SizeLevel.Likely, EvidenceRenderer.Render(findings.Unbounded[0], origin));
        }

        if (findings is { Constant: { } constant } && findings.ConstantBytes > limit)
        {
            return new SizeVerdict(SizeLevel.Likely, EvidenceRenderer.Render(constant, origin) + " (" + Bytes(findings.ConstantBytes) + " bytes of JSON)");
        }

        IEnumerable<ITypeSymbol> types = declaredType is not null ? new[] { declaredType } : (IEnumerable<ITypeSymbol>?)findings?.SerializedTypes ?? System.Array.Empty<ITypeSymbol>();
        SizeVerdict result = Silent;
        foreach (ITypeSymbol type in types)
        {
            SizeEstimate estimate = model.Estimate(type);
            string chain = SizeChainRenderer.Describe(type, estimate);
            if (estimate.Range.Min > limit)
            {
                return new SizeVerdict(SizeLevel.Likely, "its JSON is at least " + Bytes(estimate.Range.Min) + " bytes (" + chain + ")");
            }

            if (result.Level == SizeLevel.Silent && estimate.Range.Max > limit && (estimate.GrowsWithData || estimate.Range.IsBounded))
            {
                string reason = estimate.Range.IsBounded ? chain + ", up to " + Bytes(estimate.Range.Max) + " bytes of JSON" : chain;
                result = new SizeVerdict(SizeLevel.Possible, reason);
            }
        }

        // A Take(n), a page size or a single DynamoDB page in the body bounds what the type leaves open.
        return result.Level == SizeLevel.Possible && findings is { Bounded.Count: > 0 } ? Silent : result;
    }

    public static string Bytes(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
