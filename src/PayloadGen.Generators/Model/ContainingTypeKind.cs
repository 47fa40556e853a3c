namespace PayloadGen.Generators.Model;

/// <summary>
/// The declaration keyword of a type that contains a handler. A partial declaration must repeat it exactly, so a
/// record is not a class here.
/// </summary>
internal enum ContainingTypeKind
{
    Class,
    Struct,
    Record,
    RecordStruct,
    Interface,
}
