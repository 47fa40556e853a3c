using System.Collections.Generic;
using System.IO;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

public sealed partial class ClaimCheckRuntime
{
    /// <summary>
    /// Reads an <see cref="IAsyncEnumerable{T}"/> request: <paramref name="payload"/> is inline JSON (an array) or a
    /// pointer to a stored one. The pointer is checked against the allow-list and the stored object's size against
    /// the cap now, before the handler runs; the items are deserialized only as the handler enumerates them.
    /// </summary>
    /// <param name="payload">The raw invocation payload; read to its end but not disposed.</param>
    /// <param name="itemTypeInfo">Metadata of the item type.</param>
    /// <param name="allowBarePointer">Whether <c>{"bucket":…,"key":…}</c> alone is a pointer (always safe for an array).</param>
    /// <param name="cancellationToken">Cancels store calls and the enumeration (the invocation's deadline).</param>
    /// <returns>The items; dispose the sequence when the handler is done with it (it holds the store's stream).</returns>
    /// <remarks>A JSON <c>null</c> item of a reference type is refused (<see cref="PayloadNullException"/>, from the enumeration).</remarks>
    public ValueTask<HydratedSequence<T>> HydrateSequenceAsync<T>(Stream payload, JsonTypeInfo<T> itemTypeInfo, bool allowBarePointer, CancellationToken cancellationToken)
        => HydrateSequenceAsync(payload, itemTypeInfo, allowBarePointer, allowNullItems: false, cancellationToken);

    /// <summary>
    /// Reads an <see cref="IAsyncEnumerable{T}"/> request as <see cref="HydrateSequenceAsync{T}(Stream, JsonTypeInfo{T}, bool, CancellationToken)"/>
    /// does, choosing what a JSON <c>null</c> item does: generated wrappers allow it when the handler declared the
    /// item type nullable (<c>IAsyncEnumerable&lt;Row?&gt;</c>), exactly as a nullable payload parameter receives a
    /// JSON <c>null</c> payload, and refuse it otherwise.
    /// </summary>
    /// <param name="payload">The raw invocation payload; read to its end but not disposed.</param>
    /// <param name="itemTypeInfo">Metadata of the item type.</param>
    /// <param name="allowBarePointer">Whether <c>{"bucket":…,"key":…}</c> alone is a pointer (always safe for an array).</param>
    /// <param name="allowNullItems">
    /// Whether a JSON <c>null</c> item is handed to the handler; when <see langword="false"/> the enumeration throws
    /// <see cref="PayloadNullException"/> at it, after the items before it. Value types ignore this.
    /// </param>
    /// <param name="cancellationToken">Cancels store calls and the enumeration (the invocation's deadline).</param>
    /// <returns>The items; dispose the sequence when the handler is done with it (it holds the store's stream).</returns>
    public async ValueTask<HydratedSequence<T>> HydrateSequenceAsync<T>(Stream payload, JsonTypeInfo<T> itemTypeInfo, bool allowBarePointer, bool allowNullItems, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(itemTypeInfo);
        ContiguousPayload contiguous = await ContiguousPayload.ReadAsync(payload, Options.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        PayloadPointer? pointer;
        try
        {
            if (!PayloadPointerReader.TryRead(contiguous.Memory.Span, allowBarePointer, out pointer))
            {
                // The sequence owns the invocation's memory from here and returns it when disposed.
                return new HydratedSequence<T>(this, itemTypeInfo, allowNullItems, contiguous, cancellationToken);
            }
        }
        catch
        {
            contiguous.Dispose();
            throw;
        }

        contiguous.Dispose();
        _policy.Validate(pointer!);
        StoredPayload stored = await Store.OpenReadAsync(pointer!, Options.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        return new HydratedSequence<T>(this, itemTypeInfo, allowNullItems, pointer!, stored, cancellationToken);
    }
}
