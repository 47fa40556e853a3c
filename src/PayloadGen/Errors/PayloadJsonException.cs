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

    /// <summary>
    /// The error for a payload System.Text.Json failed to read: a <see cref="JsonException"/> or the
    /// <see cref="NotSupportedException"/> it throws for JSON its type cannot be created from, both redacted.
    /// </summary>
    internal static PayloadJsonException FromRead(JsonTypeInfo targetType, string origin, Exception error) => error switch
    {
        JsonException json => new PayloadJsonException(targetType, origin, json),
        NotSupportedException unsupported => new PayloadJsonException(targetType, origin, RedactedJsonException.FromUnsupported(unsupported)),
        _ => throw new ArgumentException("Not a JSON reading failure: " + error.GetType(), nameof(error)),
    };

    /// <summary>Whether <paramref name="error"/>, thrown by System.Text.Json while it read a payload, says the payload does not fit its type.</summary>
    internal static bool IsReadFailure(Exception error) => error is JsonException or NotSupportedException;

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
