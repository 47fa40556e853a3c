using System.Collections.Generic;

namespace PayloadGen;

/// <summary>An SQS or SNS event read into records.</summary>
/// <param name="Records">The records that have an id, in delivery order; unreadable ones among them fail alone.</param>
/// <param name="UnnamedRecords">
/// The 1-based positions of records without an id. They cannot be reported in <c>batchItemFailures</c>, so after the
/// others ran the invocation fails as a whole and Lambda delivers the batch again: never a record dropped silently.
/// </param>
internal sealed record QueueEvent(List<QueueRecord> Records, List<int> UnnamedRecords);
