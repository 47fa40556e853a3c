using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PayloadGen;

/// <summary>
/// A payload is not valid JSON for the type the handler expects. The message gives the JSON path and position, never
/// the payload's text: property names the type declares are shown, dictionary keys (data, such as e-mail addresses)
/// are shown as <c>[&lt;key&gt;]</c>, and names the type does not declare as <c>[&lt;…&gt;]</c>. The inner exception
/// is a <see cref="JsonException"/> redacted the same way.
/// </summary>
public sealed class PayloadJsonException : ClaimCheckException
{
    /// <summary>Creates the exception for <paramref name="innerException"/>, raised while reading <paramref name="targetType"/>.</summary>
    /// <param name="targetType">Metadata of the type that was being read; it tells declared names from data.</param>
    /// <param name="origin">Where the payload came from, e.g. "inline payload".</param>
    /// <param name="innerException">System.Text.Json's error; it is replaced by a redacted copy.</param>
    public PayloadJsonException(JsonTypeInfo targetType, string origin, JsonException innerException)
        : this(targetType, origin, RedactedJsonException.From(innerException, targetType))
    {
    }

    private PayloadJsonException(JsonTypeInfo targetType, string origin, RedactedJsonException error)
        : base(Describe(targetType.Type, origin, error), error)
    {
        TargetType = targetType.Type;
        Path = error.Path;
    }

    /// <summary>The type the payload was deserialized into.</summary>
    public Type TargetType { get; }

    /// <summary>The JSON path of the error, with dictionary keys and undeclared names replaced by placeholders.</summary>
    public string? Path { get; }

    private static string Describe(Type targetType, string origin, RedactedJsonException error)
    {
        string where = error.Path is null ? string.Empty : $" at {error.Path}";
        string position = error.LineNumber is long line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {error.BytePositionInLine + 1})")
            : string.Empty;
        return $"The {origin} is not valid JSON for {targetType}{where}{position}: {error.Reason}.";
    }
}
