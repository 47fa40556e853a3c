using System.Collections.Immutable;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The JSON size range of a value and why it is as large as it is: <see cref="Note"/> qualifies the value itself
/// (no bound, at most 50 items), <see cref="Chain"/> walks into the member or element that dominates it
/// (<c>Row.Attachment: byte[]</c>); both structured, rendered by <see cref="SizeChainRenderer"/>.
/// </summary>
internal sealed class SizeEstimate
{
    public SizeEstimate(ByteRange range, GrowthKind kind, SizeNote note, ImmutableArray<SizeStep> chain)
    {
        Range = range;
        Kind = kind;
        Note = note;
        Chain = chain;
    }

    public ByteRange Range { get; }

    public GrowthKind Kind { get; }

    public SizeNote Note { get; }

    public ImmutableArray<SizeStep> Chain { get; }

    /// <summary>True when the value can grow without bound through a collection or binary data — the "possible" level.</summary>
    public bool GrowsWithData => !Range.IsBounded && Kind >= GrowthKind.Collection;

    public static SizeEstimate Fixed(ByteRange range) => new(range, GrowthKind.None, SizeNote.None, ImmutableArray<SizeStep>.Empty);

    public static SizeEstimate Unknown(SizeNote note = default) => new(ByteRange.AtLeast(0), GrowthKind.Unknown, note, ImmutableArray<SizeStep>.Empty);
}
