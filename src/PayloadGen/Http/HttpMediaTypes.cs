using System;

namespace PayloadGen;

/// <summary>What the HTTP claim check needs to know about a media type.</summary>
internal static class HttpMediaTypes
{
    /// <summary>
    /// The file extension of a stored body's key: browsers name a download after the URL's last segment when no
    /// <c>Content-Disposition</c> says otherwise, and <c>report.csv</c> saved as <c>….json</c> would be wrong.
    /// </summary>
    public static string KeyExtension(string? contentType) => Essence(contentType) switch
    {
        "application/json" => ".json",
        "text/csv" => ".csv",
        "text/plain" => ".txt",
        "text/html" => ".html",
        "application/xml" or "text/xml" => ".xml",
        "application/pdf" => ".pdf",
        "application/zip" => ".zip",
        "application/gzip" => ".gz",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        _ => ".bin",
    };

    /// <summary>
    /// Whether a body of this type is text that an API Gateway request carries as a plain string; everything else
    /// travels base64-encoded with <c>isBase64Encoded</c> set.
    /// </summary>
    public static bool IsText(string? contentType)
    {
        string essence = Essence(contentType);
        return essence.StartsWith("text/", StringComparison.Ordinal)
            || essence is "application/json" or "application/xml" or "application/javascript" or "application/x-www-form-urlencoded" or "application/x-ndjson"
            || essence.EndsWith("+json", StringComparison.Ordinal)
            || essence.EndsWith("+xml", StringComparison.Ordinal);
    }

    /// <summary>The type without parameters, lower case: <c>Text/CSV; charset=utf-8</c> is <c>text/csv</c>.</summary>
    private static string Essence(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return string.Empty;
        }

        int semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim().ToLowerInvariant();
    }
}
