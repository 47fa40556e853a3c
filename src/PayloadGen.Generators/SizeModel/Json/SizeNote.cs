namespace PayloadGen.Generators.SizeModel;

/// <summary>What qualifies a value's size in an explanation: no bound, a declared bound, recursion, a converter.</summary>
internal enum SizeNoteKind
{
    None,
    NoBound,
    AtMostItems,
    AtLeastItems,
    AtMostCharacters,
    AtMostBytes,
    Recursive,
    CustomConverter,
}

/// <summary>A structured qualifier of a value's size (<c>(at most 50 items)</c>), rendered only by <see cref="SizeChainRenderer"/>.</summary>
internal readonly record struct SizeNote(SizeNoteKind Kind, long Count = 0)
{
    public static SizeNote None => default;

    public static SizeNote NoBound => new(SizeNoteKind.NoBound);

    public static SizeNote Recursive => new(SizeNoteKind.Recursive);

    public static SizeNote CustomConverter => new(SizeNoteKind.CustomConverter);

    public bool IsEmpty => Kind == SizeNoteKind.None;
}

/// <summary>
/// One step of the chain that explains a size: a member (<c>Report.Rows: List&lt;Row&gt; (no bound)</c>, with
/// <see cref="Owner"/> and <see cref="Member"/>) or an element type (<c>Row (recursive)</c>, without them).
/// </summary>
internal readonly record struct SizeStep(string? Owner, string? Member, string TypeDisplay, SizeNote Note);
