namespace PayloadGen;

/// <summary>
/// A response over the limit of an HTTP source is not the proxy response that source reads (no <c>statusCode</c>, a
/// body that claims to be base64 but is not), so there is no body to store and redirect to.
/// </summary>
public sealed class HttpResponseShapeException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public HttpResponseShapeException(string message, System.Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
