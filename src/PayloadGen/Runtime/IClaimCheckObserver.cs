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

    /// <summary>
    /// Called when an HTTP handler's response is over its source's limit but is not stored, because its status is not
    /// 2xx (an error body that large is a bug to see, not to hide) or it has no body. Must not throw. Without an
    /// observer, PayloadGen writes one line to standard error.
    /// </summary>
    void OnHttpResponseNotOffloaded(int statusCode, long bytes, long limitBytes)
    {
    }

    /// <summary>
    /// Called when an HTTP request's body was an upload pointer the function refused (forged, foreign, over the cap,
    /// missing or tampered); the client got a 400 or 413. Must not throw. Without an observer, PayloadGen writes one
    /// line to standard error.
    /// </summary>
    void OnHttpUploadRefused(System.Exception exception)
    {
    }
}
