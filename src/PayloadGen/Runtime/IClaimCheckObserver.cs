namespace PayloadGen;

/// <summary>Told about every payload PayloadGen hydrates or dehydrates; for logs, metrics and the demo.</summary>
public interface IClaimCheckObserver
{
    /// <summary>Called once a payload has been read or written. Must not throw.</summary>
    void OnPayload(ClaimCheckEvent payloadEvent);

    /// <summary>
    /// Called when a queue or topic record fails (it is reported in <c>batchItemFailures</c> and its object kept),
    /// or when deleting a processed record's object failed. Must not throw. Without an observer, PayloadGen writes
    /// one line to standard error, which Lambda sends to the function's log.
    /// </summary>
    void OnRecordFailed(QueueMessageContext message, System.Exception exception)
    {
    }
}
