using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// EF Core's <c>DbSet&lt;T&gt;</c> read as a value — returned (<c>public IEnumerable&lt;Todo&gt; Get() =&gt; _db.Todos;</c>),
/// serialized, or enumerated by <c>foreach</c> into a list — is every row of its table. Under an operator chain the
/// chain decides (<see cref="LinqQueryRecognizer"/> stops at the set and never reads it as a value), so
/// <c>_db.Todos.Take(20)</c> and <c>_db.Todos.Find(id)</c> stay bounded.
/// </summary>
internal sealed class EntitySetRecognizer : IPropertyRecognizer
{
    public bool RecognizeProperty(IPropertyReferenceOperation property, ValueTrace trace)
    {
        if (!SizeSymbols.IsOrDerives(property.Property.Type, trace.Symbols.EfDbSetOfT))
        {
            return false;
        }

        // _db.Orders.Local, _db.Orders.EntityType: a member of the set is read, not its rows.
        if (property.Parent is not IMemberReferenceOperation { Instance: { } instance } || instance != property)
        {
            trace.Found(EvidenceKind.EntitySet, "DbSet", OperationText.Snippet(property));
        }

        return true;
    }
}
