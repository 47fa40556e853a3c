using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PayloadGen;

/// <summary>A presigned PUT URL and the headers signed into it, which the uploader must send exactly.</summary>
/// <param name="Url">The URL: a bearer token for writing one key until it expires.</param>
/// <param name="Headers">The headers, by name, that are part of the signature (<c>Content-Type</c>, encryption, tags…).</param>
public sealed record PresignedUpload(string Url, IReadOnlyDictionary<string, string> Headers)
{
    // The URL is a bearer token: ToString(), which ends up in logs, keeps only its path (see RedactedUrl).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Url = {RedactedUrl.Render(Url)}, Headers = [{string.Join(", ", Headers.Keys)}]");
        return true;
    }
}
