namespace PayloadGen;

/// <summary>
/// What an offloaded object is: the headers it is served with, and its direction and source, from which stores
/// derive the object's tags. Everything about a write except its key and bytes, which the runtime supplies.
/// </summary>
public sealed record PayloadDescription
{
    /// <summary>The media type of PayloadGen's own payloads.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>A JSON response, the default.</summary>
    public static PayloadDescription Json { get; } = new();

    /// <summary>The object's <c>Content-Type</c>; JSON unless the payload is something else (an HTTP body).</summary>
    public string ContentType { get; init; } = JsonContentType;

    /// <summary>The object's <c>Content-Disposition</c>, served back to whoever fetches it (e.g. a file name).</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>The object's <c>Content-Encoding</c> (e.g. <c>gzip</c>), when the bytes are encoded.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>Which way the payload travels.</summary>
    public OffloadDirection Direction { get; init; }

    /// <summary>How the payload is delivered, when known (a transport-neutral message sender does not know it).</summary>
    public PayloadSource? Source { get; init; }
}
