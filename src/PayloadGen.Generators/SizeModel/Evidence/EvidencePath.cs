using System.Collections.Immutable;

namespace PayloadGen.Generators.SizeModel;

/// <summary>One step from a traced value towards its evidence: a member it is stored in, or a method it comes from.</summary>
internal readonly record struct PathStep(bool IsCall, string Text);

/// <summary>
/// Where evidence sits relative to the traced value: the members it flows through (<c>SalesReport.Sales</c>) and the
/// methods it is returned from (<c>ProductRepository.GetAll()</c>), outermost first. Rendered only by
/// <see cref="EvidenceRenderer"/>.
/// </summary>
internal sealed class EvidencePath
{
    public static readonly EvidencePath Empty = new(ImmutableArray<PathStep>.Empty);

    private EvidencePath(ImmutableArray<PathStep> steps) => Steps = steps;

    public ImmutableArray<PathStep> Steps { get; }

    public bool IsEmpty => Steps.IsEmpty;

    /// <summary>The number of methods on the path: the call depth of the evidence.</summary>
    public int CallDepth
    {
        get
        {
            int calls = 0;
            foreach (PathStep step in Steps)
            {
                calls += step.IsCall ? 1 : 0;
            }

            return calls;
        }
    }

    /// <summary>The value is stored in <paramref name="member"/> of a <paramref name="typeName"/> (a path of its own, or one more member).</summary>
    public EvidencePath Member(string typeName, string member)
    {
        if (!Steps.IsEmpty && !Steps[Steps.Length - 1].IsCall)
        {
            PathStep last = Steps[Steps.Length - 1];
            return new EvidencePath(Steps.SetItem(Steps.Length - 1, new PathStep(IsCall: false, last.Text + "." + member)));
        }

        return new EvidencePath(Steps.Add(new PathStep(IsCall: false, typeName + "." + member)));
    }

    /// <summary>The value is an argument of a <paramref name="typeName"/> constructor: named by the type when nothing names it yet.</summary>
    public EvidencePath Type(string typeName) =>
        Steps.IsEmpty ? new EvidencePath(Steps.Add(new PathStep(IsCall: false, typeName))) : this;

    /// <summary>The value is returned by <paramref name="method"/> (displayed as <c>Type.Method()</c>).</summary>
    public EvidencePath Call(string method) => new(Steps.Add(new PathStep(IsCall: true, method)));

    /// <summary>This path followed by a member step read back as written (<c>ProductPage.Products</c>).</summary>
    public EvidencePath Append(string memberStep) => new(Steps.Add(new PathStep(IsCall: false, memberStep)));

    /// <summary>This path followed by <paramref name="inner"/>, the path inside a called method.</summary>
    public EvidencePath Then(EvidencePath inner) => inner.IsEmpty ? this : new EvidencePath(Steps.AddRange(inner.Steps));
}
