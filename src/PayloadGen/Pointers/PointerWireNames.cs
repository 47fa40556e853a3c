namespace PayloadGen;

/// <summary>The property names and markers of every pointer format, in one place.</summary>
internal static class PointerWireNames
{
    public const string Marker = "$payloadgen";
    public const string MarkerValue = "s3-pointer/1";
    public const string Bucket = "bucket";
    public const string Key = "key";
    public const string Size = "size";
    public const string Sha256 = "sha256";
    public const string VersionId = "versionId";
    public const string ContentType = "contentType";
    public const string Url = "url";

    public const string ExtendedClientClass = "software.amazon.payloadoffloading.PayloadS3Pointer";
    public const string LegacyExtendedClientClass = "com.amazon.sqs.javamessaging.MessageS3Pointer";
    public const string ExtendedClientBucket = "s3BucketName";
    public const string ExtendedClientKey = "s3Key";

    /// <summary>
    /// A pointer never comes near this size; larger payloads are not scanned for one, which keeps the inline path
    /// free of a second pass over big documents.
    /// </summary>
    public const int MaxPointerBytes = 16 * 1024;
}
