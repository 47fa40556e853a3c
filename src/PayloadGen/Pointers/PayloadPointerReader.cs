using System;
using System.Text.Json;

namespace PayloadGen;

/// <summary>
/// Recognises a pointer in a payload. A payload that merely looks like JSON data is never mistaken for one: the
/// PayloadGen and extended-client formats carry a fixed marker, and the bare shape is recognised only when the
/// caller says the expected type cannot have that shape.
/// </summary>
public static class PayloadPointerReader
{
    /// <summary>Reads a pointer from <paramref name="json"/>, if it holds one.</summary>
    /// <param name="json">The UTF-8 payload.</param>
    /// <param name="allowBareShape">Whether <c>{"bucket":…,"key":…}</c> alone counts as a pointer.</param>
    /// <param name="pointer">The pointer, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the payload is a pointer; <see langword="false"/> when it is inline data.</returns>
    /// <exception cref="MalformedPointerException">The payload carries a pointer marker but is not a valid pointer.</exception>
    public static bool TryRead(ReadOnlySpan<byte> json, bool allowBareShape, out PayloadPointer? pointer)
    {
        pointer = null;
        if (json.Length > PointerWireNames.MaxPointerBytes)
        {
            return false;
        }

        json = TrimStart(json);
        if (json.IsEmpty)
        {
            return false;
        }

        return json[0] switch
        {
            (byte)'{' => MayHoldPointerObject(json, allowBareShape) && TryReadObject(json, allowBareShape, out pointer),
            (byte)'[' => TryReadExtendedClient(json, out pointer),
            _ => false,
        };
    }

    /// <summary>
    /// A vectorized pre-check that spares ordinary inline objects the full parse: a pointer object names its marker,
    /// or (the bare shape) both "bucket" and "key". Writers put these names in plain text; none escapes them.
    /// </summary>
    private static bool MayHoldPointerObject(ReadOnlySpan<byte> json, bool allowBareShape)
        => json.IndexOf("\"$payloadgen\""u8) >= 0
            || (allowBareShape && json.IndexOf("\"bucket\""u8) >= 0 && json.IndexOf("\"key\""u8) >= 0);

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json.Slice(3);
        }

        int start = 0;
        while (start < json.Length && json[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return json.Slice(start);
    }

    private static bool TryReadObject(ReadOnlySpan<byte> json, bool allowBareShape, out PayloadPointer? pointer)
    {
        pointer = null;
        var fields = new ObjectFields();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            reader.Read(); // StartObject
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                fields.Read(ref reader);
            }

            // Nothing may follow the object: the reader throws on trailing content, so a pointer cannot smuggle a
            // second value that another parser would read instead.
            reader.Read();
        }
        catch (JsonException) when (!fields.HasMarker)
        {
            // Not JSON at all, or broken before any marker: not ours to judge; deserialization reports it.
            return false;
        }
        catch (JsonException ex)
        {
            throw new MalformedPointerException("The payload starts like a PayloadGen pointer but is not valid JSON.", ex);
        }
        catch (InvalidOperationException ex) when (fields.HasMarker)
        {
            throw new MalformedPointerException("A PayloadGen pointer field has the wrong JSON type.", ex);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        if (fields.HasMarker)
        {
            if (fields.HasDuplicate)
            {
                // Parsers disagree on which duplicate wins; the one checked must be the one used, so neither is.
                throw new MalformedPointerException("A PayloadGen pointer names the same field more than once.");
            }

            pointer = fields.ToPayloadGenPointer();
            return true;
        }

        if (allowBareShape && fields.IsBareShape)
        {
            pointer = new PayloadPointer(fields.Bucket!, fields.Key!) { Format = PointerFormat.Bare };
            return true;
        }

        return false;
    }

    private static bool TryReadExtendedClient(ReadOnlySpan<byte> json, out PayloadPointer? pointer)
    {
        pointer = null;
        var reader = new Utf8JsonReader(json);
        bool marked = false;
        try
        {
            reader.Read(); // StartArray
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            // The class name is a fixed marker; no type is ever resolved from it.
            marked = reader.ValueTextEquals(PointerWireNames.ExtendedClientClass)
                || reader.ValueTextEquals(PointerWireNames.LegacyExtendedClientClass);
            if (!marked)
            {
                return false;
            }

            string? bucket = null;
            string? key = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new MalformedPointerException("An extended-client pointer must be [\"<class>\", {\"s3BucketName\":…,\"s3Key\":…}].");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(PointerWireNames.ExtendedClientBucket))
                {
                    if (bucket is not null)
                    {
                        throw new MalformedPointerException("An extended-client pointer names s3BucketName more than once.");
                    }

                    reader.Read();
                    bucket = reader.GetString();
                }
                else if (reader.ValueTextEquals(PointerWireNames.ExtendedClientKey))
                {
                    if (key is not null)
                    {
                        throw new MalformedPointerException("An extended-client pointer names s3Key more than once.");
                    }

                    reader.Read();
                    key = reader.GetString();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw new MalformedPointerException("An extended-client pointer must hold exactly the class name and one object.");
            }

            if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(key))
            {
                throw new MalformedPointerException("An extended-client pointer must name both s3BucketName and s3Key.");
            }

            pointer = new PayloadPointer(bucket, key) { Format = PointerFormat.ExtendedClient };
            return true;
        }
        catch (JsonException ex) when (marked)
        {
            throw new MalformedPointerException("The payload starts like an extended-client pointer but is not valid JSON.", ex);
        }
        catch (InvalidOperationException ex) when (marked)
        {
            throw new MalformedPointerException("An extended-client pointer field has the wrong JSON type.", ex);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The top-level properties of an object that could be a pointer.</summary>
    private ref struct ObjectFields
    {
        private int _propertyCount;
        private int _seenFields;
        private bool _hasNonStringValue;
        private string? _marker;

        public bool HasMarker { get; private set; }

        /// <summary>Whether a field PayloadGen reads appeared more than once (escaped spellings included).</summary>
        public bool HasDuplicate { get; private set; }

        public string? Bucket { get; private set; }

        public string? Key { get; private set; }

        private long? Size { get; set; }

        private string? Sha256 { get; set; }

        private string? VersionId { get; set; }

        private string? ContentType { get; set; }

        private string? Url { get; set; }

        public readonly bool IsBareShape => _propertyCount == 2 && !_hasNonStringValue
            && !string.IsNullOrEmpty(Bucket) && !string.IsNullOrEmpty(Key);

        public void Read(ref Utf8JsonReader reader)
        {
            _propertyCount++;
            if (reader.ValueTextEquals(PointerWireNames.Marker))
            {
                Seen(1);
                HasMarker = true;
                reader.Read();
                _marker = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (_marker is null)
                {
                    throw new MalformedPointerException($"The \"{PointerWireNames.Marker}\" marker must be a string such as \"{PointerWireNames.MarkerValue}\".");
                }

                return;
            }

            bool isBucket = reader.ValueTextEquals(PointerWireNames.Bucket);
            bool isKey = reader.ValueTextEquals(PointerWireNames.Key);
            bool isSize = reader.ValueTextEquals(PointerWireNames.Size);
            bool isSha = reader.ValueTextEquals(PointerWireNames.Sha256);
            bool isVersion = reader.ValueTextEquals(PointerWireNames.VersionId);
            bool isContentType = reader.ValueTextEquals(PointerWireNames.ContentType);
            bool isUrl = reader.ValueTextEquals(PointerWireNames.Url);
            Seen((isBucket ? 2 : 0) | (isKey ? 4 : 0) | (isSize ? 8 : 0) | (isSha ? 16 : 0) | (isVersion ? 32 : 0) | (isContentType ? 64 : 0) | (isUrl ? 128 : 0));
            reader.Read();

            if (reader.TokenType != JsonTokenType.String)
            {
                _hasNonStringValue = true;
            }

            if (isBucket && reader.TokenType == JsonTokenType.String)
            {
                Bucket = reader.GetString();
            }
            else if (isKey && reader.TokenType == JsonTokenType.String)
            {
                Key = reader.GetString();
            }
            else if (isSize && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long size))
            {
                Size = size;
            }
            else if (isSha && reader.TokenType == JsonTokenType.String)
            {
                Sha256 = reader.GetString();
            }
            else if (isVersion && reader.TokenType == JsonTokenType.String)
            {
                VersionId = reader.GetString();
            }
            else if (isContentType && reader.TokenType == JsonTokenType.String)
            {
                ContentType = reader.GetString();
            }
            else if (isUrl && reader.TokenType == JsonTokenType.String)
            {
                Url = reader.GetString();
            }
            else
            {
                // Unknown fields are tolerated (a newer writer may add optional ones); they already rule out the
                // bare shape, which has exactly two properties.
                reader.Skip();
            }
        }

        private void Seen(int field)
        {
            HasDuplicate |= (_seenFields & field) != 0;
            _seenFields |= field;
        }

        public readonly PayloadPointer ToPayloadGenPointer()
        {
            if (_marker != PointerWireNames.MarkerValue)
            {
                throw new MalformedPointerException($"Unsupported PayloadGen pointer version \"{UntrustedName.Render(_marker)}\"; this version reads \"{PointerWireNames.MarkerValue}\". Upgrade PayloadGen on the consumer.");
            }

            if (string.IsNullOrEmpty(Bucket) || string.IsNullOrEmpty(Key))
            {
                throw new MalformedPointerException("A PayloadGen pointer must name a non-empty \"bucket\" and \"key\".");
            }

            if (Size is not long size || size < 0)
            {
                throw new MalformedPointerException("A PayloadGen pointer must carry the object's \"size\" as a non-negative whole number.");
            }

            if (Sha256 is null || !Sha256Hex.IsValid(Sha256))
            {
                throw new MalformedPointerException("A PayloadGen pointer must carry \"sha256\" as 64 hexadecimal digits.");
            }

            return new PayloadPointer(Bucket, Key)
            {
                Size = size,
                Sha256 = Sha256.ToLowerInvariant(),
                VersionId = VersionId,
                ContentType = ContentType,
                Url = Url,
                Format = PointerFormat.PayloadGen,
            };
        }
    }
}
