using System;

namespace PayloadGen;

/// <summary>
/// A payload is JSON <c>null</c>, but the handler's payload parameter is not nullable. The generator passes
/// <see langword="null"/> only to a parameter declared nullable (<c>Order?</c>); for any other it refuses the payload
/// with this exception instead of handing the method a <see langword="null"/> its signature says cannot occur.
/// The same holds for the items of an <c>IAsyncEnumerable&lt;T&gt;</c> request: a JSON <c>null</c> item reaches the
/// handler only when it declared <c>IAsyncEnumerable&lt;T?&gt;</c>; otherwise the enumeration throws this exception
/// when it reaches that item (see <see cref="ItemIndex"/>).
/// </summary>
public sealed class PayloadNullException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadNullException(Type targetType)
        : base($"The payload is JSON null, but the handler's {targetType?.FullName} parameter is not nullable. Send a {targetType?.Name} value, or declare the parameter as {targetType?.Name}? to accept null.")
    {
        TargetType = targetType ?? throw new ArgumentNullException(nameof(targetType));
    }

    private PayloadNullException(Type itemType, long itemIndex)
        : base($"Item {itemIndex} of the IAsyncEnumerable<{itemType.Name}> payload is JSON null, but the handler's item type {itemType.FullName} is not nullable. Send {itemType.Name} values only, or declare the parameter as IAsyncEnumerable<{itemType.Name}?> to accept null items.")
    {
        TargetType = itemType;
        ItemIndex = itemIndex;
    }

    /// <summary>The payload parameter's type; for an item of an <c>IAsyncEnumerable&lt;T&gt;</c> request, <c>T</c>.</summary>
    public Type TargetType { get; }

    /// <summary>
    /// For an <c>IAsyncEnumerable&lt;T&gt;</c> request, the position (from 0) of the null item in the array; the items
    /// before it were already handed to the handler. <see langword="null"/> when the whole payload was null.
    /// </summary>
    public long? ItemIndex { get; }

    private PayloadNullException(Type sequenceType, string itemTypeName)
        : base($"The payload is JSON null, but the handler takes IAsyncEnumerable<{itemTypeName}>, which reads a JSON array. Send an array ([] for no items).")
    {
        TargetType = sequenceType;
    }

    internal static PayloadNullException ForItem(Type itemType, long itemIndex) => new(itemType, itemIndex);

    internal static PayloadNullException ForSequence<T>() => new(typeof(System.Collections.Generic.IAsyncEnumerable<T>), typeof(T).Name);
}
