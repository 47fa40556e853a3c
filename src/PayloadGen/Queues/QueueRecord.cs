namespace PayloadGen;

/// <summary>One record of a batch, reduced to what processing needs: its context and its (possibly pointer) body.</summary>
internal readonly record struct QueueRecord(QueueMessageContext Context, string Body)
{
    /// <summary>Records with the same key must be processed in order; on a standard queue every record is its own group.</summary>
    public string OrderingKey => Context.MessageGroupId ?? Context.MessageId;
}
