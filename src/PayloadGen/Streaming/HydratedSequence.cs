using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// An <see cref="IAsyncEnumerable{T}"/> request: a JSON array whose items are deserialized one by one as the handler
/// asks for them — from the invocation payload, or straight from the payload store's stream — so a handler can take
/// more data than its memory holds. Enumerable once.
/// </summary>
/// <remarks>
/// <para>
/// A stored array is verified as it streams: more bytes than the pointer announced fail at once, and its length and
/// SHA-256 are checked when the array ends, before the enumeration completes. A mismatch then throws
/// <see cref="PayloadIntegrityException"/> from <c>MoveNextAsync</c> — <b>after</b> the items before it were yielded
/// (that is the price of not holding the payload). A handler whose work must not stand on a tampered or truncated
/// payload stages it: writes items to a staging table or prefix and commits only after the loop has ended, or
/// applies them idempotently (upserts keyed by an item id) so that a retry of the whole request repairs it.
/// </para>
/// <para>
/// A handler that stops early (<c>break</c>, <c>Take(n)</c>, <c>FirstAsync</c>, an exception of its own) gets the same
/// verdict when the enumeration is disposed: the rest of the object is read, without being deserialized or held, and
/// checked, so the items it took never escape verification; a mismatch throws <see cref="PayloadIntegrityException"/>
/// from the disposal (from <c>FirstAsync</c> itself, before the item is handed over). The price is reading to the end.
/// </para>
/// <para>
/// Null is refused as it is for any payload whose parameter is not nullable (<see cref="PayloadNullException"/>): a
/// JSON <c>null</c> item when the enumeration reaches it (after the items before it, like an integrity failure), unless
/// the sequence allows null items (the generator creates it so for <c>IAsyncEnumerable&lt;T?&gt;</c>); a JSON
/// <c>null</c> payload, which is no array at all, when the enumeration ends. A value type's null item is the
/// serializer's to refuse (<see cref="PayloadJsonException"/>); a <see cref="Nullable{T}"/> item type receives it.
/// </para>
/// <para>The generated wrapper disposes the sequence after the handler (and its response) are done with it.</para>
/// </remarks>
public sealed class HydratedSequence<T> : IAsyncEnumerable<T>, IAsyncDisposable
{
    private readonly ClaimCheckRuntime _runtime;
    private readonly JsonTypeInfo<T> _itemType;
    private readonly CancellationToken _deadline;
    private readonly bool _refusesNullItems;
    private readonly StoredPayload? _stored;
    private readonly VerifyingReadStream? _verifying;
    private ContiguousPayload _inline;
    private int _enumerated;
    private int _disposed;

    internal HydratedSequence(ClaimCheckRuntime runtime, JsonTypeInfo<T> itemType, bool allowNullItems, ContiguousPayload inline, CancellationToken deadline)
    {
        _runtime = runtime;
        _itemType = itemType;
        _refusesNullItems = RefusesNullItems(allowNullItems);
        _inline = inline;
        _deadline = deadline;
    }

    internal HydratedSequence(ClaimCheckRuntime runtime, JsonTypeInfo<T> itemType, bool allowNullItems, PayloadPointer pointer, StoredPayload stored, CancellationToken deadline)
    {
        _runtime = runtime;
        _itemType = itemType;
        _refusesNullItems = RefusesNullItems(allowNullItems);
        _deadline = deadline;
        Pointer = pointer;
        _stored = stored;
        _verifying = new VerifyingReadStream(stored.Content, pointer, stored.Length);
    }

    /// <summary>The pointer the request was read through, or <see langword="null"/> when it was inline.</summary>
    public PayloadPointer? Pointer { get; }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The sequence was already enumerated: its items are not kept.</exception>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException(
                $"The IAsyncEnumerable<{typeof(T).Name}> request can be enumerated once: its items are read from the payload as they are asked for, and not kept. Collect them first if they are needed twice.");
        }

        return EnumerateAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_verifying is not null)
        {
            // Disposes the store's stream (the S3 response) with it.
            await _verifying.DisposeAsync().ConfigureAwait(false);
        }

        _inline.Dispose();
        _inline = default;
    }

    // Only a reference type's null can be refused: a value type's never gets past the serializer, and Nullable<T>'s is its value.
    private static bool RefusesNullItems(bool allowNullItems) => !allowNullItems && !typeof(T).IsValueType;

    private string Origin => Pointer is null ? "inline payload" : $"payload object '{UntrustedName.Render(Pointer.Key)}'";

    private async IAsyncEnumerator<T> EnumerateAsync(CancellationToken cancellationToken)
    {
        long started = _runtime.StartTiming();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline);
        CancellationToken token = cancellation.Token;
        long index = 0;
        var guard = new ItemSizeGuard(
            _verifying is not null ? _verifying : new ReadOnlySequenceStream(new ReadOnlySequence<byte>(_inline.Memory)),
            _runtime.Options.MaxItemBytes,
            read => PayloadTooLargeException.ForItem(Origin, typeof(T), index, read, _runtime.Options.MaxItemBytes));
        var source = new JsonRootObserver(guard);
        await using IAsyncEnumerator<T?> items = JsonSerializer.DeserializeAsyncEnumerable(source, _itemType, token).GetAsyncEnumerator(token);

        // Set while the handler holds an item: a disposal then means the handler stopped before the array ended.
        bool handedOut = false;
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (PayloadJsonException.IsReadFailure(ex))
                {
                    // A tampered or truncated object usually also breaks the JSON: report the integrity failure first.
                    if (_verifying is not null)
                    {
                        await VerifyToEndAsync(token).ConfigureAwait(false);
                    }

                    throw PayloadJsonException.FromRead(_itemType, Origin, ex);
                }
                catch (PayloadTooLargeException) when (_verifying is not null)
                {
                    // An item over the cap may be what tampering produced: a tampered object is reported as tampered.
                    await VerifyToEndAsync(token).ConfigureAwait(false);
                    throw;
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    throw ReadFailure(ex);
                }

                if (!more)
                {
                    break;
                }

                T? item = items.Current;
                if (item is null && _refusesNullItems)
                {
                    // As for malformed JSON: a tampered object is reported as tampered, not by what the tampering produced.
                    if (_verifying is not null)
                    {
                        await VerifyToEndAsync(token).ConfigureAwait(false);
                    }

                    throw PayloadNullException.ForItem(typeof(T), index);
                }

                index++;
                guard.NextItem();
                handedOut = true;
                yield return item!;
                handedOut = false;
            }
        }
        finally
        {
            if (handedOut && _verifying is not null)
            {
                // The handler stopped early (a break, Take(n), FirstAsync, its own exception): the items it took came
                // from an object not yet verified. The rest is read (streamed, never held) and checked, so a tampered
                // or truncated object fails here too instead of passing because its end was never reached.
                await VerifyToEndAsync(token).ConfigureAwait(false);
            }
        }

        if (_verifying is not null)
        {
            await VerifyToEndAsync(token).ConfigureAwait(false);
        }

        // The deserializer reads a JSON null as no items; the handler's sequence is not nullable, so it is refused.
        if (source.RootIsNull)
        {
            throw PayloadNullException.ForSequence<T>();
        }

        _runtime.Report(PayloadDirection.Hydrated, _stored?.Length ?? _inline.Memory.Length, Pointer, started);
    }

    private async ValueTask VerifyToEndAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _verifying!.VerifyToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw ReadFailure(ex);
        }
    }

    // As ReadStoredAsync reports it for any other payload: the object by name, and the cause escaped (a file system's
    // message may quote the path, and with it the sender's key).
    private PayloadStoreException ReadFailure(Exception ex)
        => new("finish reading", Pointer!.Bucket, Pointer.Key, $"the body broke off part-way ({StoreFailures.Describe(ex)}).", ex);
}
