namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// One fact about a traced value's size: what it is (<see cref="Kind"/>), where it sits relative to the value
/// (<see cref="Path"/>) and what it names (<see cref="Detail"/>: the API, token or count; <see cref="Subject"/>: the
/// local, query source or search it acts on; <see cref="Cause"/>: the evidence a loop carries over). Decisions read
/// the kind only; <see cref="EvidenceRenderer"/> is the one place that turns evidence into text.
/// </summary>
internal sealed record Evidence(EvidenceKind Kind, EvidencePath Path, string Detail, string Subject = "", Evidence? Cause = null)
{
    /// <summary>True for evidence that bounds the value (Take(n), one page…) rather than making it large.</summary>
    public bool IsBound => Kind > EvidenceKind.FirstBound;

    /// <summary>The same evidence seen from a caller: <paramref name="outer"/> leads to the method it was found in.</summary>
    public Evidence Under(EvidencePath outer) => this with { Path = outer.Then(Path) };
}
