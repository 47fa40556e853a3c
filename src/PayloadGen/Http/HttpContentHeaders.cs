namespace PayloadGen;

/// <summary>
/// The headers that describe an HTTP body rather than the response carrying it. They travel with the stored object,
/// so whoever follows the presigned URL receives the body exactly as the handler meant it to be read.
/// </summary>
/// <param name="ContentType">The body's media type; <see langword="null"/> stores it as <c>application/octet-stream</c>.</param>
/// <param name="ContentDisposition">Whether (and under which file name) a browser saves the body.</param>
/// <param name="ContentEncoding">How the body is encoded (<c>gzip</c>…); the stored bytes stay encoded.</param>
public sealed record HttpContentHeaders(string? ContentType, string? ContentDisposition = null, string? ContentEncoding = null)
{
    /// <summary>The media type stored when the handler named none.</summary>
    public const string DefaultContentType = "application/octet-stream";

    /// <summary>The media type to store: <see cref="ContentType"/>, or <see cref="DefaultContentType"/>.</summary>
    public string EffectiveContentType => string.IsNullOrWhiteSpace(ContentType) ? DefaultContentType : ContentType;
}
