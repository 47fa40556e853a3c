namespace PayloadGen.AspNetCore;

/// <summary>
/// A handler changed its response's status or content headers after its body had passed the threshold and started
/// streaming into storage. The body's start is no longer in memory, so it can neither be sent as the new status or
/// headers say nor stored under the old ones: the upload is aborted (nothing is stored) and nothing was sent, so the
/// application's error handling still answers. Set the status and content headers before writing a large body.
/// </summary>
public sealed class ResponseChangedWhileStoredException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="what">What changed: <c>status</c>, <c>Content-Type</c>, <c>Content-Disposition</c> or <c>Content-Encoding</c>.</param>
    /// <param name="atStart">Its value when the body started streaming into storage.</param>
    /// <param name="atEnd">Its value when the handler returned.</param>
    /// <param name="bytesWhenStarted">How much of the body had been written when it started streaming into storage.</param>
    public ResponseChangedWhileStoredException(string what, string? atStart, string? atEnd, long bytesWhenStarted)
        : base($"The response's {what} changed from '{atStart}' to '{atEnd}' after {bytesWhenStarted:N0} bytes of its body had been written and it had started streaming into storage (it was over the threshold); the upload was aborted and nothing was sent. Set the status and content headers before writing a body this large.")
    {
        What = what;
        AtStart = atStart;
        AtEnd = atEnd;
        BytesWhenStarted = bytesWhenStarted;
    }

    /// <summary>What changed: <c>status</c>, <c>Content-Type</c>, <c>Content-Disposition</c> or <c>Content-Encoding</c>.</summary>
    public string What { get; }

    /// <summary>Its value when the body started streaming into storage.</summary>
    public string? AtStart { get; }

    /// <summary>Its value when the handler returned.</summary>
    public string? AtEnd { get; }

    /// <summary>How much of the body had been written when it started streaming into storage.</summary>
    public long BytesWhenStarted { get; }
}
