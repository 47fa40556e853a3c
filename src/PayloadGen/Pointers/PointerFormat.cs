namespace PayloadGen;

/// <summary>The wire formats of payload pointers that PayloadGen reads.</summary>
public enum PointerFormat
{
    /// <summary><c>{"$payloadgen":"s3-pointer/1","bucket":…,"key":…,"size":…,"sha256":…}</c>: carries integrity data.</summary>
    PayloadGen = 0,

    /// <summary>The seed's bare <c>{"bucket":…,"key":…}</c>, accepted only where it cannot be a real request.</summary>
    Bare = 1,

    /// <summary>The Java/Python SQS and SNS extended clients' <c>["software.amazon.payloadoffloading.PayloadS3Pointer",{…}]</c>.</summary>
    ExtendedClient = 2,
}
