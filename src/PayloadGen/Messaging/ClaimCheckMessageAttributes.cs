namespace PayloadGen;

/// <summary>
/// The message attributes that mark an offloaded message, shared by PayloadGen's senders and consumers, and the
/// service limit they live within.
/// </summary>
/// <remarks>
/// The size attributes are the ones the Java and Python SQS/SNS extended clients write and read, so messages flow
/// both ways between them and PayloadGen. <see cref="PayloadSha256"/> is PayloadGen's own: the extended clients'
/// pointer carries no integrity data, and they ignore attributes they do not know.
/// </remarks>
public static class ClaimCheckMessageAttributes
{
    /// <summary>
    /// Number attribute holding the original body's UTF-8 length in bytes; its presence flags the body as an
    /// extended-client pointer.
    /// </summary>
    public const string ExtendedPayloadSize = "ExtendedPayloadSize";

    /// <summary>
    /// The same flag under the name the first Java SQS extended client used (before version 2); still read by
    /// current extended clients.
    /// </summary>
    public const string LegacyExtendedPayloadSize = "SQSLargePayloadSize";

    /// <summary>String attribute holding the lower-case hexadecimal SHA-256 of the original body's UTF-8 bytes.</summary>
    public const string PayloadSha256 = "PayloadGenSha256";

    /// <summary>The most message attributes SQS and SNS accept on one message.</summary>
    public const int MaxPerMessage = 10;

    /// <summary>Whether <paramref name="name"/> is one of the attributes PayloadGen writes itself.</summary>
    public static bool IsReserved(string name)
        => name is ExtendedPayloadSize or LegacyExtendedPayloadSize or PayloadSha256;
}
