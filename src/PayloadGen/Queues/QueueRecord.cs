using System;

namespace PayloadGen;

/// <summary>One record of a batch, reduced to what processing needs: its context and its (possibly pointer) body.</summary>
/// <param name="Context">Who the record is: the id reported when it fails, its attributes.</param>
/// <param name="Body">The message body: inline JSON or a pointer.</param>
/// <param name="Unreadable">
/// Why the record could not be read as Lambda delivers it, or <see langword="null"/>. Such a record still has an id, so
/// it fails alone: the handler is not called and the record is reported failed.
/// </param>
internal readonly record struct QueueRecord(QueueMessageContext Context, string Body, Exception? Unreadable = null)
{
    /// <summary>Records with the same key must be processed in order; on a standard queue every record is its own group.</summary>
    public string OrderingKey => Context.MessageGroupId ?? Context.MessageId;
}
