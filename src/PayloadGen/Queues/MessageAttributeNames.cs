namespace PayloadGen;

/// <summary>The message attributes that flag an offloaded queue or topic message.</summary>
public static class MessageAttributeNames
{
    /// <summary>Number: the original body's size in bytes; written by the Java and Python extended clients and by PayloadGen.</summary>
    public const string ExtendedPayloadSize = "ExtendedPayloadSize";

    /// <summary>Number: the legacy name of <see cref="ExtendedPayloadSize"/> (older Java extended clients).</summary>
    public const string LegacyExtendedPayloadSize = "SQSLargePayloadSize";

    /// <summary>
    /// String: lower-case hexadecimal SHA-256 of the original body. Written by PayloadGen beside the Java-compatible
    /// pointer (which has no room for it), so PayloadGen consumers verify the content end to end.
    /// </summary>
    public const string PayloadSha256 = "PayloadGenSha256";
}
