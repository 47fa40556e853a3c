using System;
using System.Text.Json;

namespace PayloadGen;

/// <summary>
/// A payload is not valid JSON for the type the handler expects. The message gives the JSON path and position
/// reported by System.Text.Json, never the payload's text.
/// </summary>
public sealed class PayloadJsonException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadJsonException(Type targetType, string origin, JsonException innerException)
        : base(Describe(targetType, origin, innerException), innerException)
    {
        TargetType = targetType;
    }

    /// <summary>The type the payload was deserialized into.</summary>
    public Type TargetType { get; }

    private static string Describe(Type targetType, string origin, JsonException error)
    {
        // The path holds property names from the payload, which the sender controls.
        string where = error.Path is null ? string.Empty : $" at {UntrustedName.Render(error.Path)}";
        string position = error.LineNumber is long line
            ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})"
            : string.Empty;
        return $"The {origin} is not valid JSON for {targetType.FullName}{where}{position}.";
    }
}
