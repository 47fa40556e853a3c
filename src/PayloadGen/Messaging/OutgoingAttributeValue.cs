using System;
using System.Globalization;
using System.Text;

namespace PayloadGen;

/// <summary>
/// A message attribute in the shape SQS and SNS share: a data type (<c>String</c>, <c>Number</c> or <c>Binary</c>,
/// optionally followed by <c>.</c> and a custom label) and a string or binary value.
/// </summary>
public sealed class OutgoingAttributeValue
{
    private OutgoingAttributeValue(string dataType, string? stringValue, ReadOnlyMemory<byte>? binaryValue)
    {
        DataType = dataType;
        StringValue = stringValue;
        BinaryValue = binaryValue;
    }

    /// <summary>The data type, such as <c>String</c>, <c>Number</c>, <c>Binary</c> or <c>Number.float</c>.</summary>
    public string DataType { get; }

    /// <summary>The value of a <c>String</c> or <c>Number</c> attribute.</summary>
    public string? StringValue { get; }

    /// <summary>The value of a <c>Binary</c> attribute.</summary>
    public ReadOnlyMemory<byte>? BinaryValue { get; }

    /// <summary>A <c>String</c> attribute.</summary>
    public static OutgoingAttributeValue FromString(string value) => Create("String", value, null);

    /// <summary>A <c>Number</c> attribute.</summary>
    public static OutgoingAttributeValue FromNumber(long value)
        => Create("Number", value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>A <c>Binary</c> attribute.</summary>
    public static OutgoingAttributeValue FromBinary(ReadOnlyMemory<byte> value) => Create("Binary", null, value);

    /// <summary>An attribute of any data type, as a service's own attribute value type holds it.</summary>
    /// <param name="dataType"><c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom label.</param>
    /// <param name="stringValue">The value of a <c>String</c> or <c>Number</c> attribute.</param>
    /// <param name="binaryValue">The value of a <c>Binary</c> attribute.</param>
    /// <exception cref="ArgumentException">The data type is not one SQS and SNS know, or the value does not match it.</exception>
    public static OutgoingAttributeValue Create(string dataType, string? stringValue, ReadOnlyMemory<byte>? binaryValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataType);
        bool binary = HasBaseType(dataType, "Binary");
        if (!binary && !HasBaseType(dataType, "String") && !HasBaseType(dataType, "Number"))
        {
            throw new ArgumentException($"Message attribute data type '{dataType}' must be String, Number or Binary, optionally followed by '.' and a label.", nameof(dataType));
        }

        if (binary ? binaryValue is null : stringValue is null)
        {
            throw new ArgumentException($"A {dataType} message attribute needs a {(binary ? "binary" : "string")} value.", binary ? nameof(binaryValue) : nameof(stringValue));
        }

        return new OutgoingAttributeValue(dataType, binary ? null : stringValue, binary ? binaryValue : null);
    }

    /// <summary>
    /// The bytes this attribute adds to a message's size as SQS counts them: the UTF-8 name, data type and value.
    /// </summary>
    public long CountBytes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        long value = StringValue is not null ? Encoding.UTF8.GetByteCount(StringValue) : BinaryValue?.Length ?? 0;
        return Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(DataType) + value;
    }

    private static bool HasBaseType(string dataType, string baseType)
        => dataType.StartsWith(baseType, StringComparison.Ordinal)
            && (dataType.Length == baseType.Length || (dataType[baseType.Length] == '.' && dataType.Length > baseType.Length + 1));
}
