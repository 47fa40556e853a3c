namespace PayloadGen.AspNetCore;

/// <summary>How a response too large for Lambda is answered once its body is stored.</summary>
public enum OffloadedResponseAnswer
{
    /// <summary>
    /// <c>303 See Other</c> to the presigned URL: every HTTP client and browser follows it with a GET, whatever the
    /// request's method was.
    /// </summary>
    SeeOther = 0,

    /// <summary>
    /// <c>307 Temporary Redirect</c>: clients repeat the request's method, so it suits GET endpoints only (a presigned
    /// GET URL refuses a POST).
    /// </summary>
    TemporaryRedirect = 1,

    /// <summary>
    /// The handler's status with a small JSON body that carries the URL, for API clients that must not follow
    /// redirects.
    /// </summary>
    Json = 2,
}
