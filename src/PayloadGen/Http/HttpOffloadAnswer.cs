namespace PayloadGen;

/// <summary>How an HTTP handler answers when its response body was stored because it was over the limit.</summary>
public enum HttpOffloadAnswer
{
    /// <summary>On <c>[ClaimCheck]</c>: whatever the configuration says (<c>PAYLOADGEN_HTTP_ANSWER</c>, default 303).</summary>
    Default = 0,

    /// <summary>
    /// <c>303 See Other</c> with <c>Location:</c> the presigned URL and an empty body: every HTTP client and browser
    /// follows it with a GET.
    /// </summary>
    SeeOther = 1,

    /// <summary><c>307 Temporary Redirect</c>: like 303, for clients that expect the method to be kept.</summary>
    TemporaryRedirect = 2,

    /// <summary>
    /// The handler's own status with a JSON body <c>{"$payloadgen":"s3-pointer/1",…,"url":…}</c>, for API clients that
    /// must not follow redirects.
    /// </summary>
    Json = 3,
}
