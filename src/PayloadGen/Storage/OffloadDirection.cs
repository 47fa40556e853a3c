namespace PayloadGen;

/// <summary>
/// Which way an offloaded payload travels. Stored objects are tagged with it, so a lifecycle rule can keep queue
/// messages (which may wait days for a consumer) longer than responses (read once, right after the invocation).
/// </summary>
public enum OffloadDirection
{
    /// <summary>A handler's response, read by the caller after the invocation.</summary>
    Response = 0,

    /// <summary>A request prepared by a caller for a function it invokes.</summary>
    Request = 1,

    /// <summary>A queue or topic message body (SQS, SNS, EventBridge), read by a consumer later.</summary>
    Message = 2,
}
