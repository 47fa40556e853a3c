namespace PayloadGen;

/// <summary>
/// A message must be offloaded, but it already carries so many attributes that the one flagging it as offloaded
/// would exceed the service's limit of ten. Raised before anything is stored.
/// </summary>
public sealed class TooManyMessageAttributesException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public TooManyMessageAttributesException(int attributeCount)
        : base($"The message carries {attributeCount} attributes and must be offloaded, which adds the '{MessageAttributeNames.ExtendedPayloadSize}' attribute; SQS and SNS accept at most {ClaimCheckMessageOffloader.MaxMessageAttributes}. Send at most {ClaimCheckMessageOffloader.MaxMessageAttributes - 1} attributes with messages that may be large (move the rest into the body).")
    {
        AttributeCount = attributeCount;
    }

    /// <summary>How many attributes the caller's message carried.</summary>
    public int AttributeCount { get; }
}
