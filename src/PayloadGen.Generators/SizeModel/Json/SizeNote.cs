namespace PayloadGen.Generators.SizeModel;

/// <summary>What qualifies a value's size in an explanation: no bound, a declared count, recursion, a converter.</summary>
internal enum SizeNoteKind
{
    None,
    NoBound,

    /// <summary>A declared count of items (<c>[MinLength]</c>, <c>[MaxLength]</c>, <c>[Length]</c> on a collection).</summary>
    Items,

    /// <summary>A declared length of a string.</summary>
    Characters,

    /// <summary>A declared length of binary data.</summary>
    Bytes,
    Recursive,
    CustomConverter,
}

/// <summary>
/// A structured qualifier of a value's size (<c>(at most 50 items)</c>, <c>(exactly 86,400 items)</c>): for declared
/// counts, the least and the most allowed (<see cref="ByteRange.Unbounded"/> when there is no most). Rendered only by
/// <see cref="SizeChainRenderer"/>.
/// </summary>
internal readonly record struct SizeNote(SizeNoteKind Kind, long Least = 0, long Most = ByteRange.Unbounded)
{
    public static SizeNote None => default;

    public static SizeNote NoBound => new(SizeNoteKind.NoBound);

    public static SizeNote Recursive => new(SizeNoteKind.Recursive);

    public static SizeNote CustomConverter => new(SizeNoteKind.CustomConverter);

    public bool IsEmpty => Kind == SizeNoteKind.None;

    /// <summary>
    /// The note for a declared count of <paramref name="unit"/> between <paramref name="least"/> and
    /// <paramref name="most"/>, or <paramref name="otherwise"/> when neither bound says anything.
    /// </summary>
    public static SizeNote Counted(SizeNoteKind unit, long least, long most, SizeNote otherwise) =>
        least > 0 || most != ByteRange.Unbounded ? new SizeNote(unit, least, most) : otherwise;
}

/// <summary>
/// One step of the chain that explains a size: a member (<c>Report.Rows: List&lt;Row&gt; (no bound)</c>, with
/// <see cref="Owner"/> and <see cref="Member"/>) or an element type (<c>Row (recursive)</c>, without them).
/// </summary>
internal readonly record struct SizeStep(string? Owner, string? Member, string TypeDisplay, SizeNote Note);
