using System.Globalization;
using System.Text;

namespace PayloadGen;

/// <summary>A reference to a payload kept in a store instead of travelling inline.</summary>
/// <param name="Bucket">The bucket (for the file store, the folder under its root) that holds the object.</param>
/// <param name="Key">The object key.</param>
public sealed record PayloadPointer(string Bucket, string Key)
{
    /// <summary>The object's length in bytes; mandatory in PayloadGen pointers, absent from foreign ones.</summary>
    public long? Size { get; init; }

    /// <summary>Lower-case hexadecimal SHA-256 of the object; mandatory in PayloadGen pointers.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The object version to read, when the bucket is versioned.</summary>
    public string? VersionId { get; init; }

    /// <summary>The media type of the stored payload.</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// A presigned HTTPS GET URL of the object, for callers without PayloadGen (a browser behind a function URL).
    /// Written on responses when <see cref="ClaimCheckOptions.PresignedUrlLifetime"/> is set; PayloadGen itself
    /// never follows it — it reads <see cref="Bucket"/> and <see cref="Key"/>, which the allow-list checks.
    /// </summary>
    public string? Url { get; init; }

    /// <summary>Which wire format the pointer was read from (or will be written as).</summary>
    public PointerFormat Format { get; init; } = PointerFormat.PayloadGen;

    // ToString() ends up in logs (an observer that logs its events, an exception's data): the presigned URL is a bearer
    // token and keeps only its path, and the sender-controlled names are escaped as in every exception message.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Bucket = {UntrustedName.Render(Bucket)}, Key = {UntrustedName.Render(Key)}, Size = {Size}, Sha256 = {Sha256}");
        builder.Append(CultureInfo.InvariantCulture, $", VersionId = {UntrustedName.Render(VersionId)}, ContentType = {UntrustedName.Render(ContentType)}, Url = {RedactedUrl.Render(Url)}, Format = {Format}");
        return true;
    }
}
