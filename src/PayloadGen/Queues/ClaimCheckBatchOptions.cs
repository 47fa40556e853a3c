namespace PayloadGen;

/// <summary>How a generated queue or topic handler works through a batch.</summary>
public sealed class ClaimCheckBatchOptions
{
    /// <summary>
    /// How many records are processed at once. Default 1: one after the other, in delivery order. With more,
    /// records of one FIFO message group still run one after the other, in order.
    /// </summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>
    /// Delete a record's stored payload once the handler has succeeded (<c>PAYLOADGEN_DELETE_AFTER_PROCESSING</c>).
    /// Off by default: SNS fan-out delivers one pointer to many consumers, and a lifecycle rule on the prefix is the
    /// safer way to clean up. A failed record's object is never deleted, and neither is one whose pointer carried no
    /// SHA-256 (a bare extended-client pointer without <c>PayloadGenSha256</c>): a key alone does not prove the
    /// sender owns the object. <see langword="null"/> takes <see cref="ClaimCheckOptions.DeletePayloadAfterProcessing"/>.
    /// </summary>
    public bool? DeletePayloadAfterProcessing { get; init; }

    /// <summary>
    /// Whether an SQS body holding an SNS notification (SNS → SQS without raw message delivery) is unwrapped, so
    /// the handler receives the published message. Default true.
    /// </summary>
    public bool UnwrapSnsNotifications { get; init; } = true;
}
