using System;
using System.Collections.ObjectModel;

namespace PayloadGen;

/// <summary>
/// A list option of <see cref="ClaimCheckOptions"/>: editable until the options are frozen, then read-only, like
/// every other option (System.Text.Json's <c>ConfigurationList</c> plays the same part for converters).
/// </summary>
internal sealed class FreezableList<T> : Collection<T>
{
    private readonly Func<bool> _isFrozen;

    public FreezableList(Func<bool> isFrozen) => _isFrozen = isFrozen;

    protected override void InsertItem(int index, T item)
    {
        ThrowIfFrozen();
        base.InsertItem(index, item);
    }

    protected override void SetItem(int index, T item)
    {
        ThrowIfFrozen();
        base.SetItem(index, item);
    }

    protected override void RemoveItem(int index)
    {
        ThrowIfFrozen();
        base.RemoveItem(index);
    }

    protected override void ClearItems()
    {
        ThrowIfFrozen();
        base.ClearItems();
    }

    private void ThrowIfFrozen()
    {
        if (_isFrozen())
        {
            throw ClaimCheckOptions.FrozenError();
        }
    }
}
