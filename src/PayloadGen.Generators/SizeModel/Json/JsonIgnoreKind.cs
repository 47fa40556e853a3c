namespace PayloadGen.Generators.SizeModel;

/// <summary>How <c>[JsonIgnore]</c> treats a member, read from its <c>JsonIgnoreCondition</c> by member name.</summary>
internal enum JsonIgnoreKind
{
    /// <summary>No <c>[JsonIgnore]</c>, or <c>Condition = Never</c>: always read and written.</summary>
    None,

    /// <summary><c>[JsonIgnore]</c> or <c>Condition = Always</c>: never read or written.</summary>
    Always,

    /// <summary><c>WhenWritingDefault</c>/<c>WhenWritingNull</c>: read, and written only when set.</summary>
    WhenWriting,
}
