using System;

namespace PayloadGen;

/// <summary>The header names the HTTP claim check reads, writes or drops.</summary>
internal static class HttpHeaderNames
{
    public const string ContentType = "Content-Type";
    public const string ContentDisposition = "Content-Disposition";
    public const string ContentEncoding = "Content-Encoding";
    public const string Location = "Location";
    public const string CacheControl = "Cache-Control";

    /// <summary>
    /// The redirect answer has an empty body, so headers describing the handler's body would describe nothing (or,
    /// worse, make a client gunzip an empty body); they travel with the stored object instead. <c>Location</c> and
    /// <c>Cache-Control</c> are the answer's own. Every other header — CORS above all, or browsers refuse to follow
    /// the redirect — is kept.
    /// </summary>
    public static bool IsReplacedByAnswer(string name) => name.ToUpperInvariant() switch
    {
        "CONTENT-TYPE" or "CONTENT-LENGTH" or "CONTENT-ENCODING" or "CONTENT-DISPOSITION" or "CONTENT-LANGUAGE"
            or "CONTENT-LOCATION" or "CONTENT-MD5" or "CONTENT-RANGE" or "TRANSFER-ENCODING" or "ETAG" or "LAST-MODIFIED"
            or "EXPIRES" or "LOCATION" or "CACHE-CONTROL" => true,
        _ => false,
    };

    /// <summary>Whether two header names are the same header.</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
