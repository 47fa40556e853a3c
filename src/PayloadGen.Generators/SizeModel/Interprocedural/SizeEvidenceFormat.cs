using System;
using System.Collections.Immutable;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// How a method summary travels between projects, in <c>[assembly: PayloadGen.SizeEvidence(member, kind, detail,
/// Subject = …, Path = new[] { … })]</c>: the member is its documentation-comment id
/// (<c>M:Data.ProductRepository.GetAll</c>), the kind an <see cref="EvidenceKind"/> name, the path's steps
/// <c>call:ProductRepository.ScanAll()</c> or <c>member:ProductPage.Products</c>. Written by the generator in the
/// library's build, read by the analyzers in the handler's; one definition for both directions.
/// A parameter that flows into the result (<c>IReadOnlyList&lt;T&gt; Page(IEnumerable&lt;T&gt; rows)</c>) travels as
/// the kind <see cref="ParameterFlowKind"/>, one serialized into it as <see cref="SerializedParameterKind"/>, with the
/// parameter's ordinal as the detail: no <see cref="EvidenceKind"/> has those names, so readers from before they were
/// exported skip them, and attributes written before are read as they always were.
/// </summary>
internal static class SizeEvidenceFormat
{
    /// <summary>The kind of an attribute that says a parameter (ordinal in the detail) flows into the method's result.</summary>
    public const string ParameterFlowKind = "ParameterFlow";

    /// <summary>
    /// The kind of an attribute that says a parameter (ordinal in the detail) is serialized into the method's result
    /// (<c>Response(int statusCode, object body)</c> writing <c>Body</c>): the caller judges its argument's type.
    /// </summary>
    public const string SerializedParameterKind = "SerializedParameter";

    private const string CallPrefix = "call:";
    private const string MemberPrefix = "member:";

    /// <summary>The detail of a parameter flow: the parameter's ordinal, in invariant digits.</summary>
    public static string Ordinal(int ordinal) => ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The ordinal a parameter flow's detail names, or null when it is not a non-negative number.</summary>
    public static int? ReadOrdinal(string detail) =>
        detail.Length is > 0 and < 4 && IsDigits(detail) ? int.Parse(detail, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static bool IsDigits(string text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    public static string Step(PathStep step) => (step.IsCall ? CallPrefix : MemberPrefix) + step.Text;

    /// <summary>The path written as steps, or null when a step is not in this format (a newer or hand-written attribute).</summary>
    public static EvidencePath? ReadPath(ImmutableArray<string> steps)
    {
        EvidencePath path = EvidencePath.Empty;
        foreach (string step in steps)
        {
            if (step.StartsWith(CallPrefix, StringComparison.Ordinal))
            {
                path = path.Call(step.Substring(CallPrefix.Length));
            }
            else if (step.StartsWith(MemberPrefix, StringComparison.Ordinal))
            {
                path = path.Append(step.Substring(MemberPrefix.Length));
            }
            else
            {
                return null;
            }
        }

        return path;
    }

    /// <summary>The kind named <paramref name="name"/>, or null for names this version does not know.</summary>
    public static EvidenceKind? ReadKind(string name) =>
        Enum.TryParse(name, ignoreCase: false, out EvidenceKind kind) && kind != EvidenceKind.FirstBound && Enum.IsDefined(typeof(EvidenceKind), kind) && !IsNumeric(name)
            ? kind
            : null;

    private static bool IsNumeric(string name) => name.Length > 0 && (char.IsDigit(name[0]) || name[0] == '-');
}
