using System;
using System.Globalization;
using System.Text;

namespace PayloadGen;

/// <summary>An HTTP body that was stored instead of sent, and the presigned URL a client fetches it from.</summary>
/// <param name="Pointer">The stored object; its <see cref="PayloadPointer.Url"/> is <paramref name="Location"/>.</param>
/// <param name="Location">
/// The presigned GET URL. It is a bearer token: whoever holds it may read the body until <paramref name="ExpiresAt"/>.
/// </param>
/// <param name="ExpiresAt">When the URL stops working (sooner if the signing credentials expire first).</param>
public sealed record OffloadedHttpBody(PayloadPointer Pointer, Uri Location, DateTimeOffset ExpiresAt)
{
    // The URL is a bearer token: ToString(), which ends up in logs, keeps only its path (see RedactedUrl).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Pointer = {Pointer}, Location = {RedactedUrl.Render(Location)}, ExpiresAt = {ExpiresAt:O}");
        return true;
    }
}
