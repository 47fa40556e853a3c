using System;

namespace PayloadGen;

/// <summary>
/// A claim-check serializer refused the upload pointer an HTTP request's body carried (forged, foreign, oversized,
/// missing or tampered). Amazon.Lambda.Annotations answers a failed <c>[FromBody]</c> with a 400 that quotes the
/// exception's message to the client, so the message says only what kind of refusal it was, as the wrapper's answer
/// does; the refusal with its bucket and key is the <see cref="Exception.InnerException"/>, and was reported to the
/// observer (or standard error).
/// </summary>
public sealed class HttpUploadRefusedException : ClaimCheckException
{
    /// <summary>Creates the exception for <paramref name="refusal"/>, the runtime's own error.</summary>
    public HttpUploadRefusedException(Exception refusal)
        : base(HttpUploadRefusal.Describe(refusal ?? throw new ArgumentNullException(nameof(refusal))).Message, refusal)
    {
        StatusCode = HttpUploadRefusal.Describe(refusal).Status;
    }

    /// <summary>The HTTP status the refusal calls for: 413 for a body over the cap, 400 otherwise.</summary>
    public int StatusCode { get; }
}
