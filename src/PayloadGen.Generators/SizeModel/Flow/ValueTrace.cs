using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The state of following one value: where it has led so far (<see cref="Path"/>), what was found, the locals on the
/// way (to cut cycles) and the depth. Recognizers report evidence through it and ask it to follow operands further, so
/// they never call back into the tracer with its internals.
/// </summary>
internal sealed class ValueTrace
{
    private readonly PayloadFlowAnalysis _flow;
    private readonly HashSet<ILocalSymbol> _visiting;

    public ValueTrace(PayloadFlowAnalysis flow, EvidencePath path, FlowFindings findings, HashSet<ILocalSymbol> visiting, int depth)
    {
        _flow = flow;
        Path = path;
        Findings = findings;
        _visiting = visiting;
        Depth = depth;
    }

    public EvidencePath Path { get; }

    public FlowFindings Findings { get; }

    public int Depth { get; }

    public SizeEngine Engine => _flow.Engine;

    public SizeSymbols Symbols => _flow.Engine.Symbols;

    /// <summary>The method being summarized, whose parameters the caller resolves; null when tracing a handler.</summary>
    public IMethodSymbol? Owner => _flow.Owner;

    /// <summary>The methods whose summaries are being computed around this trace, innermost first.</summary>
    public CallChain Calls => _flow.Calls;

    internal HashSet<ILocalSymbol> Visiting => _visiting;

    /// <summary>Every write of <paramref name="local"/> in the traced body, for a recognizer that reads a local's value (a SQL text).</summary>
    public IReadOnlyList<IOperation> WritesOf(ILocalSymbol local) => _flow.WritesOf(local);

    /// <summary>Records evidence found at the current path.</summary>
    public void Found(EvidenceKind kind, string detail, string subject = "", Evidence? cause = null) =>
        Findings.Add(new Evidence(kind, Path, detail, subject, cause));

    /// <summary>Follows <paramref name="operation"/> one step deeper at the same path.</summary>
    public void Follow(IOperation? operation) => _flow.Trace(operation, At(Path));

    /// <summary>Follows <paramref name="operation"/> one step deeper at <paramref name="path"/>.</summary>
    public void Follow(IOperation? operation, EvidencePath path) => _flow.Trace(operation, At(path));

    /// <summary>Follows <paramref name="operation"/> from an empty path into separate findings (a loop's source).</summary>
    public FlowFindings FollowApart(IOperation operation)
    {
        var findings = new FlowFindings();
        _flow.Trace(operation, new ValueTrace(_flow, EvidencePath.Empty, findings, _visiting, Depth + 1));
        return findings;
    }

    /// <summary>The same trace one step deeper at <paramref name="path"/>, for a recognizer that reports there.</summary>
    public ValueTrace At(EvidencePath path) => new(_flow, path, Findings, _visiting, Depth + 1);
}
