namespace PayloadGen;

/// <summary>Told about every payload PayloadGen hydrates or dehydrates; for logs, metrics and the demo.</summary>
public interface IClaimCheckObserver
{
    /// <summary>Called once a payload has been read or written. Must not throw.</summary>
    void OnPayload(ClaimCheckEvent payloadEvent);
}
