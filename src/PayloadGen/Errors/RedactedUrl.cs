using System;

namespace PayloadGen;

/// <summary>
/// Renders a presigned URL for text that may be logged (a record's <c>ToString()</c>): scheme, host and path stay, so
/// the object is recognisable; the query, which carries the signature and the credentials' access key and session
/// token, is withheld. A presigned URL is a bearer token: whoever reads it in a log may use it until it expires.
/// </summary>
internal static class RedactedUrl
{
    /// <summary>What stands in for the query.</summary>
    public const string WithheldQuery = "?<signature withheld>";

    /// <summary>The URL without its query (escaped as a sender-controlled name), or <see langword="null"/>.</summary>
    public static string? Render(string? url)
    {
        if (url is null)
        {
            return null;
        }

        int query = url.IndexOfAny(['?', '#']);
        return query < 0 ? UntrustedName.Render(url) : UntrustedName.Render(url[..query]) + WithheldQuery;
    }

    /// <inheritdoc cref="Render(string?)"/>
    public static string? Render(Uri? url) => Render(url?.OriginalString);
}
