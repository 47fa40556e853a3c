using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PayloadGen;

/// <summary>
/// A place a client may upload a request body too large for Lambda (6 MB; API Gateway REST takes 10 MB, Lambda still
/// 6 MB): a presigned PUT URL and the key it writes. After the upload, the client sends the function a PayloadGen
/// pointer to that key (<see cref="PointerFor"/>) as the request body, and the wrapper hands the handler the stored
/// content instead, checked like every pointer (allowed bucket, key under the uploads prefix, size cap before
/// download, SHA-256).
/// </summary>
/// <param name="Url">The presigned PUT URL: a bearer token for writing this one key until <paramref name="ExpiresAt"/>.</param>
/// <param name="Bucket">The bucket the upload goes to.</param>
/// <param name="Key">The key the upload goes to (under the configured prefix, in <c>uploads/</c>).</param>
/// <param name="ContentType">The <c>Content-Type</c> the upload must carry: it is part of the signature.</param>
/// <param name="MaxBytes">
/// The largest body the function will read back. S3 cannot bound the size of a presigned PUT (only of a POST policy),
/// so the cap is enforced when the pointer arrives, before a byte is downloaded.
/// </param>
/// <param name="ExpiresAt">When the URL stops accepting the upload.</param>
public sealed record UploadSlot(Uri Url, string Bucket, string Key, string ContentType, long MaxBytes, DateTimeOffset ExpiresAt)
{
    /// <summary>The HTTP method to upload with.</summary>
    public string Method { get; } = "PUT";

    /// <summary>
    /// The headers the upload must send, exactly: they are part of the signature (<c>Content-Type</c>, and the
    /// encryption, storage class and tags the store puts on every object).
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [HttpHeaderNames.ContentType] = ContentType,
    };

    /// <summary>The pointer the client sends once it has uploaded <paramref name="size"/> bytes whose SHA-256 is <paramref name="sha256"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not 64 hexadecimal digits.</exception>
    public PayloadPointer PointerFor(long size, string sha256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (!Sha256Hex.IsValid(sha256))
        {
            throw new ArgumentException("A SHA-256 must be 64 hexadecimal digits.", nameof(sha256));
        }

        return new PayloadPointer(Bucket, Key) { Size = size, Sha256 = sha256.ToLowerInvariant(), ContentType = ContentType };
    }

    // The URL is a bearer token for writing: ToString(), which ends up in logs, keeps only its path (see RedactedUrl).
    // ToJson() is what goes to the client, in full.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Url = {RedactedUrl.Render(Url)}, Bucket = {UntrustedName.Render(Bucket)}, Key = {UntrustedName.Render(Key)}, ContentType = {UntrustedName.Render(ContentType)}");
        builder.Append(CultureInfo.InvariantCulture, $", MaxBytes = {MaxBytes}, ExpiresAt = {ExpiresAt:O}, Method = {Method}, Headers = [{string.Join(", ", Headers.Keys)}]");
        return true;
    }

    /// <summary>
    /// The slot as the JSON a function returns to its client: <c>url</c>, <c>method</c>, <c>headers</c>,
    /// <c>maxBytes</c>, <c>expiresAt</c>, and <c>pointer</c>, which the client completes with <c>size</c> and
    /// <c>sha256</c> of what it uploaded and sends as the next request's body.
    /// </summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("url", Url.AbsoluteUri);
            writer.WriteString("method", Method);
            writer.WriteStartObject("headers");
            foreach (KeyValuePair<string, string> header in Headers)
            {
                writer.WriteString(header.Key, header.Value);
            }

            writer.WriteEndObject();
            writer.WriteNumber("maxBytes", MaxBytes);
            writer.WriteString("expiresAt", ExpiresAt);
            writer.WriteStartObject("pointer");
            writer.WriteString(PointerWireNames.Marker, PointerWireNames.MarkerValue);
            writer.WriteString(PointerWireNames.Bucket, Bucket);
            writer.WriteString(PointerWireNames.Key, Key);
            writer.WriteString(PointerWireNames.ContentType, ContentType);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
