using System;
using System.Collections.Generic;
using System.Linq;

namespace PayloadGen;

/// <summary>
/// Records of an SNS event failed. SNS invokes Lambda asynchronously and has no partial-batch response, so the
/// invocation fails as a whole and Lambda's retries (then the on-failure destination or DLQ) take over.
/// </summary>
public sealed class ClaimCheckBatchException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public ClaimCheckBatchException(IReadOnlyList<string> failedMessageIds, Exception firstError)
        : base($"{failedMessageIds.Count} message(s) failed: {string.Join(", ", failedMessageIds.Select(id => "'" + UntrustedName.Render(id) + "'"))}. First error: {firstError.GetType().Name}: {UntrustedName.MessageOf(firstError)}", firstError)
    {
        FailedMessageIds = failedMessageIds;
    }

    /// <summary>The ids of the messages that failed.</summary>
    public IReadOnlyList<string> FailedMessageIds { get; }
}
